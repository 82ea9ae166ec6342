import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';
import { booleanFromEnv, defineServiceConfig } from '@tourconnect/service-kit';
import { emailSchema } from '@tourconnect/contracts/http';

const seconds = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// Orchestrators often flatten a PEM into one line with literal "\n"; accept both forms, but
// only a PKCS8 Ed25519 key, so a wrong key stops the process at boot instead of at first sign-in.
const ed25519PrivateKeyPem = z
  .string()
  .transform((value) => value.replace(/\\n/g, '\n').trim())
  .refine(isEd25519Pkcs8, 'must be a PKCS8 PEM Ed25519 private key (-----BEGIN PRIVATE KEY-----)');

function isEd25519Pkcs8(pem: string): boolean {
  if (!pem.startsWith('-----BEGIN PRIVATE KEY-----')) return false;
  try {
    return createPrivateKey({ key: pem, format: 'pem' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

function adminPairRule(value: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string }, ctx: z.RefinementCtx): void {
  if ((value.ADMIN_EMAIL === undefined) === (value.ADMIN_PASSWORD === undefined)) return;
  const missing = value.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD';
  ctx.addIssue({
    code: 'custom',
    path: [missing],
    message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together (both or neither) to bootstrap the admin',
  });
}

/**
 * Identity's variables on top of the kit's base ones (PORT, DATABASE_URL, NATS_URL, …).
 * `settingsSchema` is what the all-in-one parses; `configSchema` what the distributed entry reads.
 */
export const { settingsSchema, configSchema, loadConfig, loadConfigForServer } = defineServiceConfig(
  'identity',
  {
    ADMIN_EMAIL: emailSchema.optional(),
    ADMIN_PASSWORD: z.string().min(1).max(200).optional(),
    JWT_ISSUER: z.string().min(1).default('tourconnect-identity'),
    JWT_AUDIENCE: z.string().min(1).default('tourconnect'),
    /** Absent: a key pair is generated once and kept in the identity schema (replicas share it). */
    JWT_PRIVATE_KEY: ed25519PrivateKeyPem.optional(),
    ACCESS_TOKEN_TTL_SECONDS: seconds(10, 24 * 3600).default(900),
    REFRESH_TOKEN_TTL_SECONDS: seconds(60, 365 * 24 * 3600).default(30 * 24 * 3600),
    COOKIE_SECURE: booleanFromEnv.default(false),
    /** Failed sign-ins of one account from one address before each next try waits (doubling). */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    /** The first wait after LOGIN_MAX_FAILURES; each further failure doubles it, up to LOGIN_LOCK_SECONDS. */
    LOGIN_DELAY_SECONDS: seconds(1, 3600).default(30),
    /** Failures of one account from every address within LOGIN_LOCK_SECONDS before it is locked for all. */
    LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(50),
    LOGIN_LOCK_SECONDS: seconds(1, 24 * 3600).default(900),
    EMAIL_VERIFICATION_TTL_SECONDS: seconds(60, 30 * 24 * 3600).default(24 * 3600),
    PASSWORD_RESET_TTL_SECONDS: seconds(60, 24 * 3600).default(1800),
    /** At most one e-mail of each kind (verification, reset, change, "account exists") per account this often. */
    EMAIL_COOLDOWN_SECONDS: seconds(0, 24 * 3600).default(60),
  },
  adminPairRule,
);

export type IdentitySettings = z.infer<typeof settingsSchema>;
export type IdentityConfig = z.infer<typeof configSchema>;
