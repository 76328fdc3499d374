import { MailAttachment } from './outbox';

/** What a template writes for one outbox row; the row keeps the recipient. */
export interface RenderedMail {
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

/**
 * Writes a templated row's message from its context (parsed JSON) when it is sent, from the facts as they
 * are then; null when there is nothing left to say (the registration was cancelled or erased): the row is
 * marked skipped. A throw counts as a failed attempt.
 */
export type MailTemplate = (context: unknown) => Promise<RenderedMail | null>;
