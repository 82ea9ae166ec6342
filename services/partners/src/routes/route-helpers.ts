import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '@tourconnect/service-kit';
import { documentContentTypes, fileResponseSchema } from '@tourconnect/contracts/http';
import type { Caller, RequestMeta } from '../domain/context.ts';
import { fileMissing, fileTooLarge } from '../domain/partners-errors.ts';
import type { StoredFile, UploadedFile } from '../domain/stored-files.ts';

export const idParams = z.object({ id: z.uuid({ message: 'invalid_id' }) });
export const bearer = [{ bearer: [] }];
export const noContent = { 204: z.null() };

/** A stored file answered as its bytes: documents are PDF, JPEG or PNG; logos JPEG or PNG. */
export function fileResponse(description: string, types: readonly string[] = documentContentTypes) {
  return {
    200: {
      description,
      content: Object.fromEntries(types.map((type) => [type, { schema: fileResponseSchema }])),
    },
  };
}

/** The verified token's user; routes that call this have `app.requireUser()` as preHandler. */
export function callerOf(request: FastifyRequest): Caller {
  return request.user!;
}

/** The request id correlates the events and audit entries a use case writes. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  return { correlationId: String(request.id) };
}

/**
 * Reads the one file of a multipart request, with the fields sent before it. Only up to
 * `limit + 1` bytes are buffered: the parser stops there and flags the file as truncated.
 */
export async function readUpload(
  request: FastifyRequest,
  limit: number,
): Promise<{ file: UploadedFile; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data');
  }
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ limits: { fileSize: limit, files: 1, fields: 5, fieldSize: 1024 } });
  } catch (error) {
    throw asUploadError(error, limit);
  }
  if (!part || part.fieldname !== 'file') throw fileMissing();
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (error) {
    throw asUploadError(error, limit);
  }
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields)) {
    const value = Array.isArray(field) ? field[0] : field;
    if (value && value.type === 'field' && typeof value.value === 'string') fields[name] = value.value;
  }
  return { file: { filename: part.filename, data, truncated: part.file.truncated }, fields };
}

function asUploadError(error: unknown, limit: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge(limit);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new AppError(400, 'validation_failed', 'Send one file with its fields');
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data');
  }
  return error;
}

/**
 * RFC 9110 If-None-Match with the weak comparison GET uses: `*`, or any listed entity tag
 * equal to `etag` once a `W/` prefix is set aside.
 */
export function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** Files are shown in the portal (preview) rather than run: inline, sniffing off, sandboxed. */
export function sendFile(
  reply: FastifyReply,
  file: StoredFile,
  disposition: 'inline' | 'attachment' = 'inline',
  cacheControl = 'private, no-store',
) {
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.data.length))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', cacheControl)
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .send(file.data);
}
