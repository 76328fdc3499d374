const MAX_MESSAGE_LENGTH = 2000;

/**
 * The local part of an address, wherever it stands in a reply: servers echo the recipient in their
 * refusals (Postfix: `550 5.1.1 <ada@example.org>: Recipient address rejected`), and the message goes
 * to the logs. The domain stays, since "every refusal is from one provider" is worth seeing there.
 */
const LOCAL_PART = /[^\s<>"'(),;:[\]]+@(?=[^\s@])/g;

/** What MailSender keeps and logs of a failed send. */
export interface SendFailure {
  /** The error's message, local parts of addresses masked, at most 2,000 characters. */
  message: string;
  /**
   * The SMTP server refused for good: a 5xx reply (RFC 5321 §4.2.1), which nodemailer puts in
   * `responseCode`. A 4xx reply or a connection error (no code) may pass, so it is retried.
   */
  permanent: boolean;
}

export function sendFailureOf(error: unknown): SendFailure {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return {
    message: text.replace(LOCAL_PART, '***@').slice(0, MAX_MESSAGE_LENGTH),
    permanent: typeof code === 'number' && code >= 500 && code <= 599,
  };
}
