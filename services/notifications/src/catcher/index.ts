// A local SMTP server that keeps what it receives, for the all-in-one (`npm start`) and for
// anyone running notifications without a real mail server. It accepts every message (any
// sender, any recipient, any or no credentials) and relays nothing; the admin's Sent-mail page
// reads the caught messages back, so a demo user can follow a verification link.
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { storeCaughtMail } from './mail-store.ts';

export { readCaughtMail, type CaughtMail } from './mail-store.ts';

export interface CaughtSummary {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  receivedAt: string;
}

export interface MailCatcher {
  host: string;
  port: number;
  /** Where the raw messages are kept (give it to notifications as MAIL_CATCHER_DIR). */
  dir: string;
  /** The newest first, since this catcher started. */
  received(): CaughtSummary[];
  stop(): Promise<void>;
}

export interface MailCatcherOptions {
  dir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Messages kept on disk; the oldest go first. */
  keep?: number;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const keep = options.keep ?? 500;
  const received: CaughtSummary[] = [];
  const server = new SMTPServer({
    // Loopback only and nothing is relayed, so neither TLS nor real credentials protect anything.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'catcher' }),
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'TourConnect local mail catcher',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void keepMessage(raw, session.envelope).then(
          (messageId) => callback(null, `Ok: queued as ${messageId.replace(/[<>]/g, '')}`),
          (error: Error) => callback(Object.assign(error, { responseCode: 451 })),
        );
      });
    },
  });

  async function keepMessage(raw: Buffer, envelope: { mailFrom: unknown; rcptTo: { address: string }[] }) {
    const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true });
    const messageId = parsed.messageId ?? `<${randomUUID()}@catcher.local>`;
    await storeCaughtMail(options.dir, messageId, raw, keep);
    const from = envelope.mailFrom && typeof envelope.mailFrom === 'object' ? envelope.mailFrom : undefined;
    received.unshift({
      messageId,
      from: (from as { address?: string } | undefined)?.address ?? '',
      to: envelope.rcptTo.map((rcpt) => rcpt.address),
      subject: parsed.subject ?? '',
      receivedAt: new Date().toISOString(),
    });
    received.splice(keep);
    return messageId;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host,
    port,
    dir: options.dir,
    received: () => [...received],
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
