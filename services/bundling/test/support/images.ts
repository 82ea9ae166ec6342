import { randomBytes } from 'node:crypto';

// Image bytes as the sniffer sees them: the right signature, then noise (nothing decodes them).

export const png = (size = 256): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size)]);
export const jpeg = (size = 256): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size)]);
export const webp = (size = 256): Buffer =>
  Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), randomBytes(size)]);
export const gif = (): Buffer => Buffer.concat([Buffer.from('GIF89a'), randomBytes(64)]);
export const pdf = (): Buffer => Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n');

/** A multipart body with `data` in `field` (default "file"), as the portal sends it. */
export function imageForm(data: Buffer, options: { field?: string; name?: string; type?: string } = {}): FormData {
  const form = new FormData();
  form.append(
    options.field ?? 'file',
    new Blob([new Uint8Array(data)], { type: options.type ?? 'image/png' }),
    options.name ?? 'photo.png',
  );
  return form;
}
