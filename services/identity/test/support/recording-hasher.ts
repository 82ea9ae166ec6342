import { argon2Hasher, type PasswordHasher } from '../../src/domain/passwords.ts';

/** The real Argon2id hasher, noting every hash it was asked to verify a password against. */
export function recordingHasher(): { hasher: PasswordHasher; verified: string[] } {
  const verified: string[] = [];
  return {
    verified,
    hasher: {
      hash: (password) => argon2Hasher.hash(password),
      verify(storedHash, password) {
        verified.push(storedHash);
        return argon2Hasher.verify(storedHash, password);
      },
    },
  };
}
