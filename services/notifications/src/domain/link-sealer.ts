import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SecretLink } from './links.ts';

/**
 * Seals an e-mail's live links while it waits in the queue (AES-256-GCM with a key that lives
 * outside the database), so a database dump or backup never holds a usable token. The sealed
 * text names the key it was sealed with and is bound to its delivery id: it cannot be opened
 * with another key or moved onto another delivery.
 */
export interface LinkSealer {
  /** Short fingerprint of the key, not the key. */
  readonly keyId: string;
  seal(deliveryId: string, links: SecretLink[]): string;
  open(deliveryId: string, sealed: string): SecretLink[];
}

export class SealError extends Error {
  override readonly name = 'SealError';
  constructor(
    message: string,
    /** Sealed under another key: a replica that has it may still send the e-mail. */
    readonly otherKey = false,
  ) {
    super(message);
  }
}

const VERSION = 'v1';

export function createLinkSealer(key: Buffer = randomBytes(32)): LinkSealer {
  if (key.length !== 32) throw new Error('the link key must be 32 bytes');
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return {
    keyId,
    seal(deliveryId, links) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(deliveryId));
      const body = Buffer.concat([cipher.update(JSON.stringify(links), 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
      return [VERSION, keyId, ...parts].join('.');
    },
    open(deliveryId, sealed) {
      const [version, sealedKeyId, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || !body) throw new SealError('unreadable sealed links');
      if (sealedKeyId !== keyId) {
        throw new SealError(
          `links sealed with key ${sealedKeyId}, this process has ${keyId} (set one MAIL_LINK_KEY on every replica)`,
          true,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(deliveryId));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const json = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
        return JSON.parse(json.toString('utf8')) as SecretLink[];
      } catch {
        throw new SealError('sealed links do not open (tampered, or sealed for another delivery)');
      }
    },
  };
}
