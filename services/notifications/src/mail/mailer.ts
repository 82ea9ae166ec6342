import nodemailer from 'nodemailer';
import type { NotificationsSettings } from '../config.ts';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The delivery's own Message-ID, the same on every attempt. */
  messageId: string;
  headers: Record<string, string>;
  /** Files fetched for this attempt (e.g. the receipt PDF); never stored. */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export interface SentReceipt {
  /** The id the server gave the message ("queued as …"), when it says one. */
  providerMessageId: string | null;
  /** The server's final reply, e.g. "250 2.0.0 Ok: queued as 4BmHHX". */
  response: string;
}

/** The SMTP side of the sender; tests and the catcher speak real SMTP to it. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<SentReceipt>;
  close(): void;
}

type MailSettings = Pick<
  NotificationsSettings,
  'SMTP_URL' | 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_USER' | 'SMTP_PASS' | 'SMTP_SECURE' | 'SMTP_TIMEOUT_MS'
>;

/**
 * nodemailer over SMTP with a small connection pool. Timeouts are bounded so a hanging server
 * fails an attempt (to be retried) well within the sender's lease on the e-mail.
 */
export function createSmtpMailer(settings: MailSettings): Mailer {
  const timeouts = {
    connectionTimeout: settings.SMTP_TIMEOUT_MS,
    greetingTimeout: settings.SMTP_TIMEOUT_MS,
    socketTimeout: settings.SMTP_TIMEOUT_MS,
  };
  const server = settings.SMTP_URL
    ? { url: settings.SMTP_URL }
    : {
        host: settings.SMTP_HOST,
        port: settings.SMTP_PORT,
        secure: settings.SMTP_SECURE,
        ...(settings.SMTP_USER && settings.SMTP_PASS
          ? { auth: { user: settings.SMTP_USER, pass: settings.SMTP_PASS } }
          : {}),
      };
  const transport = nodemailer.createTransport({ pool: true, maxConnections: 2, ...timeouts, ...server });
  return {
    async send(email) {
      const info = await transport.sendMail(email);
      const response = String(info.response ?? '');
      return { response, providerMessageId: providerIdIn(response) };
    },
    close: () => transport.close(),
  };
}

/** Postfix, Exim, Mailpit and our catcher all answer "… queued as <id>". */
export function providerIdIn(response: string): string | null {
  return /queued as\s+<?([^\s>]+)>?/i.exec(response)?.[1] ?? null;
}
