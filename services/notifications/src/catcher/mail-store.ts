import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';

/** A message as the local catcher received it: live links and all. */
export interface CaughtMail {
  messageId: string;
  subject: string;
  html: string | null;
  text: string | null;
  receivedAt: string;
}

/** Message-IDs hold characters no file name should: the file is named by their hash. */
function fileFor(dir: string, messageId: string): string {
  const normalized = messageId.trim().replace(/^<?/, '<').replace(/>?$/, '>');
  return path.join(dir, `${createHash('sha256').update(normalized).digest('hex').slice(0, 40)}.eml`);
}

/** Writes the raw message (RFC 5322, as received) and keeps only the newest `keep` messages. */
export async function storeCaughtMail(dir: string, messageId: string, raw: Buffer, keep: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(fileFor(dir, messageId), raw, { mode: 0o600 });
  await prune(dir, keep);
}

async function prune(dir: string, keep: number): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.eml'));
  if (names.length <= keep) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, mtime: (await stat(path.join(dir, name))).mtimeMs })),
  );
  dated.sort((a, b) => b.mtime - a.mtime);
  await Promise.all(dated.slice(keep).map(({ name }) => rm(path.join(dir, name), { force: true })));
}

/** The caught message with this Message-ID, parsed; undefined when the catcher never saw it. */
export async function readCaughtMail(dir: string, messageId: string): Promise<CaughtMail | undefined> {
  const file = fileFor(dir, messageId);
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = await simpleParser(raw);
  return {
    messageId: parsed.messageId ?? messageId,
    subject: parsed.subject ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    text: parsed.text ?? null,
    receivedAt: (await stat(file)).mtime.toISOString(),
  };
}
