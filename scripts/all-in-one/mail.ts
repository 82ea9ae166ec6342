import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { startMailCatcher } from '@tourconnect/notifications/catcher';

export interface LocalMail {
  /** Variables for the notifications service, on top of the process environment. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * E-mail for the all-in-one. With SMTP_URL or SMTP_HOST in the environment, notifications
 * sends for real. Without, it sends to a local catcher that keeps every message under
 * DATA_DIR/mail, and the admin's Sent-mail page shows them with their live links, so a demo user
 * can follow a verification or reset link. Either way the key that seals queued links is kept
 * under DATA_DIR, so e-mails queued before a restart can still be sent after it.
 */
export async function startLocalMail(dataDir: string, logger: Logger): Promise<LocalMail> {
  const key = { MAIL_LINK_KEY: process.env.MAIL_LINK_KEY ?? (await keptLinkKey(dataDir)) };
  if (process.env.SMTP_URL || process.env.SMTP_HOST) {
    logger.info('E-mail over the SMTP server in SMTP_URL / SMTP_HOST');
    return { env: key, stop: async () => {} };
  }
  const catcher = await startMailCatcher({ dir: path.join(dataDir, 'mail') });
  logger.info(
    `No SMTP_URL: e-mails go to a local catcher (smtp://${catcher.host}:${catcher.port}, kept in ${catcher.dir}); read them on the admin's Sent mail page`,
  );
  return {
    env: {
      ...key,
      SMTP_HOST: catcher.host,
      SMTP_PORT: String(catcher.port),
      SMTP_SECURE: 'false',
      MAIL_CATCHER_DIR: catcher.dir,
    },
    stop: () => catcher.stop(),
  };
}

async function keptLinkKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'mail-link.key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32).toString('base64');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}
