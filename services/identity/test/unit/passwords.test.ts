import { describe, expect, it } from 'vitest';
import { createPasswords, CURRENT_PARAMS, type PasswordHasher } from '../../src/domain/passwords.ts';

/** A stand-in for Argon2 that records calls: these tests are about what is verified, not how. */
function fakeHasher() {
  const calls: string[] = [];
  const hasher: PasswordHasher = {
    async hash(password) {
      calls.push(`hash:${password}`);
      return `${CURRENT_PARAMS}fake$${password}`;
    },
    async verify(storedHash, password) {
      calls.push(`verify:${storedHash}`);
      return storedHash === `${CURRENT_PARAMS}fake$${password}`;
    },
  };
  return { hasher, calls };
}

describe('passwords', () => {
  it('burns one verification against a throwaway hash, made once, and is always false', async () => {
    const { hasher, calls } = fakeHasher();
    const passwords = createPasswords(hasher);
    expect(await passwords.burnVerification('not-a-real-password-0')).toBe(false);
    expect(await passwords.burnVerification('anything-else-1')).toBe(false);
    const dummy = `${CURRENT_PARAMS}fake$not-a-real-password-0`;
    expect(calls).toEqual(['hash:not-a-real-password-0', `verify:${dummy}`, `verify:${dummy}`]);
  });

  it('asks for a rehash only when the hash was written with other parameters', () => {
    const passwords = createPasswords(fakeHasher().hasher);
    expect(passwords.needsRehash(`${CURRENT_PARAMS}c2FsdA$aGFzaA`)).toBe(false);
    expect(passwords.needsRehash('$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA')).toBe(true);
  });
});
