import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, type JWK, type JWTVerifyGetKey } from 'jose';
import type { Db } from '@tourconnect/db';
import { findNewestSigningKey, insertSigningKey, lockSigningKeys } from '../db/signing-keys.repository.ts';

export const SIGNING_ALG = 'EdDSA';

/** A published public key: the fields every JWKS consumer needs are always present. */
export type PublicJwk = JWK & { kty: string; kid: string; alg: string; use: string };

export interface SigningKeys {
  kid: string;
  privateKey: KeyObject;
  /** What /.well-known/jwks.json publishes. */
  jwks: { keys: PublicJwk[] };
  /** Verifies incoming Bearer tokens against our own keys, without an HTTP round trip. */
  verifier: JWTVerifyGetKey;
}

/**
 * The configured key (JWT_PRIVATE_KEY) when there is one; otherwise the key pair kept in the
 * identity schema, generated on first boot, so restarts and replicas sign with the same key
 * and tokens stay valid across them.
 */
export async function loadSigningKeys(db: Db, configuredPem: string | undefined): Promise<SigningKeys> {
  const pem = configuredPem ?? (await storedOrNewPem(db));
  return fromPrivateKey(createPrivateKey({ key: pem, format: 'pem' }));
}

async function storedOrNewPem(db: Db): Promise<string> {
  return db.transaction(async (tx) => {
    await lockSigningKeys(tx);
    const existing = await findNewestSigningKey(tx);
    if (existing) return existing.privateKeyPem;
    const { privateKey } = generateKeyPairSync('ed25519');
    const keys = await fromPrivateKey(privateKey);
    const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await insertSigningKey(tx, { kid: keys.kid, alg: SIGNING_ALG, privateKeyPem, publicJwk: { ...keys.jwks.keys[0] } });
    return privateKeyPem;
  });
}

async function fromPrivateKey(privateKey: KeyObject): Promise<SigningKeys> {
  const publicJwk = await exportJWK(createPublicKey(privateKey));
  // The RFC 7638 thumbprint: the same key always gets the same kid, on every replica.
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwk: PublicJwk = { ...publicJwk, kty: publicJwk.kty ?? 'OKP', kid, alg: SIGNING_ALG, use: 'sig' };
  const jwks = { keys: [jwk] };
  return { kid, privateKey, jwks, verifier: createLocalJWKSet(jwks) };
}
