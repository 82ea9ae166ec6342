import { createHash } from 'node:crypto';
import type { PartnersContext } from './context.ts';
import { sniffFileType, type SniffedType } from '@tourconnect/storage';
import { fileTooLarge, unsupportedFileType } from './partners-errors.ts';

/** A file as the multipart parser handed it over. */
export interface UploadedFile {
  filename: string;
  data: Buffer;
  /** The multipart parser stopped at the limit: the file is larger than allowed. */
  truncated: boolean;
}

/** A stored file on its way out: bytes, type and the name to show. */
export interface StoredFile {
  data: Buffer;
  contentType: string;
  filename: string;
}

export interface CheckedFile {
  type: SniffedType;
  sha256: string;
}

/** The bytes decide the type, never the name or the declared content type. */
export function inspectUpload(file: UploadedFile, limit: number, allowed: readonly SniffedType[]): CheckedFile {
  if (file.truncated || file.data.length > limit) throw fileTooLarge(limit);
  const type = sniffFileType(file.data);
  if (!type || !allowed.includes(type)) throw unsupportedFileType();
  return { type, sha256: createHash('sha256').update(file.data).digest('hex') };
}

/**
 * Stores the file, then the row; if the row's transaction fails the file is removed again, so
 * a failed upload leaves neither a file nor a row behind.
 */
export async function storeThenCommit<T>(
  ctx: PartnersContext,
  key: string,
  file: UploadedFile,
  type: SniffedType,
  commit: () => Promise<T>,
): Promise<T> {
  await ctx.store.put(key, file.data, type);
  try {
    return await commit();
  } catch (error) {
    await ctx.store.delete(key).catch(() => {});
    throw error;
  }
}
