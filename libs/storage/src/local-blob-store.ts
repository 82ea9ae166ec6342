import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { assertValidBlobKey, type BlobStore } from './blob-store.ts';

// Partner documents (IDs, contracts) are personal data: only the service's user may read them.
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** Errors that mean "there is no object under this key" rather than a broken disk. */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const;
  readonly #root: string;

  constructor(root: string) {
    this.#root = resolve(root);
  }

  async put(key: string, data: Buffer, _contentType: string): Promise<void> {
    // The content type lives with the document's database row; the file holds only the bytes.
    const target = this.#pathOf(key);
    const dir = dirname(target);
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    // Same directory as the target so the rename stays on one file system and is atomic:
    // a reader sees the old object or the new one, never half of one.
    const temp = join(dir, `.${basename(target)}.${randomUUID()}.tmp`);
    try {
      await writeDurably(temp, data);
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    // The rename itself is only durable once the directory entry is on disk.
    await syncDirectory(dir);
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.#pathOf(key));
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.#pathOf(key));
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
  }

  async ping(): Promise<void> {
    // A real write, not access(W_OK): as root access() says yes even on a read-only mount.
    await mkdir(this.#root, { recursive: true, mode: DIR_MODE });
    const probe = join(this.#root, `.ping-${randomUUID()}`);
    try {
      await writeDurably(probe, Buffer.alloc(0));
    } finally {
      await rm(probe, { force: true });
    }
  }

  #pathOf(key: string): string {
    assertValidBlobKey(key);
    return join(this.#root, key);
  }
}

async function writeDurably(path: string, data: Buffer): Promise<void> {
  const file = await open(path, 'wx', FILE_MODE);
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissing(err: unknown): boolean {
  return err instanceof Error && MISSING.has((err as NodeJS.ErrnoException).code ?? '');
}
