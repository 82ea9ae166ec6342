import { hash, verify, type Algorithm } from '@node-rs/argon2';

// The package declares Algorithm as an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2 as Algorithm.Argon2id;

/**
 * Argon2id with 64 MiB, 3 passes, 1 lane: about 65 ms per hash or verify on the 2-core CI
 * machine, inside OWASP's guidance (≥ 19 MiB, ≥ 2 passes) and cheap enough for sign-in.
 */
export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 65_536,
  timeCost: 3,
  parallelism: 1,
} as const;

/** The prefix every hash written with the current parameters starts with. */
export const CURRENT_PARAMS = `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`;

/** The expensive primitive. Tests wrap it to see which hashes a use case verified. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a hash that cannot be read. */
  verify(storedHash: string, password: string): Promise<boolean>;
}

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, ARGON2_OPTIONS),
  async verify(storedHash, password) {
    try {
      return await verify(storedHash, password);
    } catch {
      return false;
    }
  },
};

export interface Passwords extends PasswordHasher {
  /** Hashes written with older parameters are upgraded at the next successful sign-in. */
  needsRehash(storedHash: string): boolean;
  /**
   * Verifies against a throwaway hash when there is no account (or no password), so an
   * unknown e-mail costs the same Argon2 work as a wrong password and timing does not
   * reveal which. Always false.
   */
  burnVerification(password: string): Promise<false>;
}

export function createPasswords(hasher: PasswordHasher = argon2Hasher): Passwords {
  // Made on first use, not at boot: most boots never see an unknown e-mail before a real one.
  let dummyHash: Promise<string> | undefined;
  return {
    hash: (password) => hasher.hash(password),
    verify: (storedHash, password) => hasher.verify(storedHash, password),
    needsRehash: (storedHash) => !storedHash.startsWith(CURRENT_PARAMS),
    async burnVerification(password) {
      dummyHash ??= hasher.hash('not-a-real-password-0');
      await hasher.verify(await dummyHash, password);
      return false;
    },
  };
}
