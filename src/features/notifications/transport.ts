import nodemailer from 'nodemailer';
import { MailTransport } from './mail-sender';

/**
 * The SMTP transport of SMTP_URL (nodemailer: `smtp://user:password@host:587`, STARTTLS when offered;
 * `smtps://host:465`, TLS from the start). Its timeouts stay well below MailSender's lease, so a hung
 * server fails the attempt before another sender may take the row over.
 */
export function createMailTransport(url: string): MailTransport & { close(): void } {
  return nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
}
