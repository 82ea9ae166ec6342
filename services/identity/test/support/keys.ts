import { generateKeyPairSync } from 'node:crypto';

/** A fresh Ed25519 key in the PEM form JWT_PRIVATE_KEY takes, so tests can forge and expire tokens. */
export function newPrivateKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
