import { argon2Hasher, type PasswordHasher } from '../../src/domain/passwords.ts';

/**
 * The real Argon2id hasher, noting every hash it was asked to verify a password against and
 * every hash it made, so tests assert the work a request did rather than the time it took.
 */
export function recordingHasher(): { hasher: PasswordHasher; verified: string[]; hashed: string[] } {
  const verified: string[] = [];
  const hashed: string[] = [];
  return {
    verified,
    hashed,
    hasher: {
      async hash(password) {
        const made = await argon2Hasher.hash(password);
        hashed.push(made);
        return made;
      },
      verify(storedHash, password) {
        verified.push(storedHash);
        return argon2Hasher.verify(storedHash, password);
      },
    },
  };
}
