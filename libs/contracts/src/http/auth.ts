import { z } from 'zod';

export const roles = ['traveller', 'partner', 'affiliate', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const locales = ['en', 'it', 'de', 'fr', 'es'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const PASSWORD_MIN_LENGTH = 10;
// A short deny-list of the passwords attackers try first; length and character classes do the rest.
const commonPasswords = new Set([
  'password123',
  'password1234',
  '1234567890',
  'qwertyuiop',
  'iloveyou123',
  'letmein1234',
  'welcome123',
  'admin12345',
  'passw0rd123',
  'tourconnect1',
]);

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .toLowerCase()
  .pipe(z.email({ message: 'invalid_email' }));

/** Weak passwords are refused with per-rule codes the portal translates. */
export const passwordSchema = z
  .string()
  .max(200, { message: 'password_too_long' })
  .superRefine((value, ctx) => {
    if (value.length < PASSWORD_MIN_LENGTH) ctx.addIssue({ code: 'custom', message: 'password_too_short' });
    if (!/[a-zA-Z]/.test(value) || !/[0-9]/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'password_needs_letter_and_digit' });
    }
    if (commonPasswords.has(value.toLowerCase())) ctx.addIssue({ code: 'custom', message: 'password_too_common' });
  });

export const displayNameSchema = z.string().trim().min(1, { message: 'required' }).max(80);

export const registerBodySchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
  locale: localeSchema.default('en'),
});
export type RegisterBody = z.input<typeof registerBodySchema>;

/**
 * 202 of sign-up, forgot-password and e-mail change: the address a link went to. The answer is
 * the same whether or not an account holds that address, so it reveals nothing about accounts.
 */
export const linkSentSchema = z.object({ email: z.string() });
export type LinkSent = z.infer<typeof linkSentSchema>;

/** The secret of an e-mailed link, as the portal read it from the URL fragment (`#token=`). */
export const linkTokenSchema = z.string().trim().min(1, { message: 'required' }).max(512);

/** POST /api/auth/verify-email: the token of a verification link or of an e-mail change link. */
export const verifyEmailBodySchema = z.strictObject({ token: linkTokenSchema });
export type VerifyEmailBody = z.input<typeof verifyEmailBodySchema>;

/** What the link did: proved the account's address, or moved the account to a new one. */
export const verifyEmailResultSchema = z.object({
  outcome: z.enum(['email_verified', 'email_changed']),
  /** The account's address now. */
  email: z.string(),
});
export type VerifyEmailResult = z.infer<typeof verifyEmailResultSchema>;

export const forgotPasswordBodySchema = z.strictObject({ email: emailSchema });
export type ForgotPasswordBody = z.input<typeof forgotPasswordBodySchema>;

export const resetPasswordBodySchema = z.strictObject({ token: linkTokenSchema, password: passwordSchema });
export type ResetPasswordBody = z.input<typeof resetPasswordBodySchema>;

/** PATCH /api/auth/me: at least one of them. */
export const updateProfileBodySchema = z
  .strictObject({ displayName: displayNameSchema.optional(), locale: localeSchema.optional() })
  .refine((body) => body.displayName !== undefined || body.locale !== undefined, { message: 'nothing_to_update' });
export type UpdateProfileBody = z.input<typeof updateProfileBodySchema>;

const currentPasswordSchema = z.string().min(1, { message: 'required' }).max(200);

export const changeEmailBodySchema = z.strictObject({ newEmail: emailSchema, password: currentPasswordSchema });
export type ChangeEmailBody = z.input<typeof changeEmailBodySchema>;

export const changePasswordBodySchema = z.strictObject({
  currentPassword: currentPasswordSchema,
  newPassword: passwordSchema,
});
export type ChangePasswordBody = z.input<typeof changePasswordBodySchema>;

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, { message: 'required' }).max(200),
});
export type LoginBody = z.input<typeof loginBodySchema>;

export const deleteAccountBodySchema = z.strictObject({ password: currentPasswordSchema });

export const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  locale: localeSchema,
  /** The address was proven by a link sent to it; unverified accounts cannot act for a partner. */
  emailVerified: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  user: userSchema,
  accessToken: z.string(),
  /** Seconds until the access token expires; the portal refreshes shortly before. */
  expiresIn: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

export const meSchema = z.object({ user: userSchema });

/**
 * One public key of GET /.well-known/jwks.json (RFC 7517). Only these members are sent: a
 * private member such as `d` can never leave the service, whatever the key object holds.
 */
export const publicJwkSchema = z.object({
  kty: z.string(),
  kid: z.string(),
  alg: z.string(),
  use: z.string(),
  /** OKP keys (Ed25519): the curve and the public point. */
  crv: z.string().optional(),
  x: z.string().optional(),
});
export const jwksSchema = z.object({ keys: z.array(publicJwkSchema) });
export type Jwks = z.infer<typeof jwksSchema>;

/** Claims inside the access token (JWT) that services rely on. */
export const accessTokenClaimsSchema = z.object({
  sub: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  /** OIDC's claim: the e-mail address has been proven by a link sent to it. Absent = not proven. */
  email_verified: z.boolean().optional(),
  /** OIDC's claim: the preferred language (en, it, de, fr, es); absent in older tokens. */
  locale: z.string().optional(),
  iat: z.number(),
  exp: z.number(),
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
});
export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

/** Header the portal adds to every request; the gateway refuses cookie-authenticated
 * state changes without it (a cross-site form cannot set custom headers). */
export const CSRF_HEADER = 'x-tourconnect-csrf';
export const REFRESH_COOKIE = 'tc_refresh';
