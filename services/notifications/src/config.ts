// The notifications service's configuration: read once at boot, validated, typed (STYLE habit 2).
// Local defaults point at the SMTP catcher the all-in-one starts (port 1025, as Mailpit's).
import { z } from 'zod';
import { booleanFromEnv, defineServiceConfig, jwtConsumerConfigSchema } from '@tourconnect/service-kit';

const ms = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// 32 random bytes, base64 or hex: the key that seals an e-mail's secret links while it waits
// to be sent (AES-256-GCM), so the database never holds them in clear.
const linkKey = z
  .string()
  .trim()
  .transform((value) => (/^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64')))
  .refine((key) => key.length === 32, 'must be 32 bytes, base64 or 64 hex digits (e.g. `openssl rand -base64 32`)');

const smtpUrl = z
  .string()
  .url()
  .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL');

const settingsShape = {
  ...jwtConsumerConfigSchema.shape,
  /** Where the portal answers; every link in an e-mail starts here. */
  PORTAL_URL: z
    .string()
    .url()
    .transform((value) => value.replace(/\/+$/, ''))
    .default('http://localhost:8080'),
  /**
   * Where billing answers inside the deployment (not through the gateway): the payment e-mail's
   * receipt PDF is fetched from here, by billing's signed link, when the e-mail is sent.
   */
  BILLING_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), 'must be an http:// or https:// URL')
    .transform((value) => value.replace(/\/+$/, '')),
  MAIL_FROM: z.string().min(3).max(200).default('TourConnect <no-reply@tourconnect.local>'),
  /** All SMTP settings in one (smtps:// for implicit TLS); wins over SMTP_HOST and the rest. */
  SMTP_URL: smtpUrl.optional(),
  SMTP_HOST: z.string().min(1).default('localhost'),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  /** Implicit TLS (port 465). Without it nodemailer still upgrades with STARTTLS when offered. */
  SMTP_SECURE: booleanFromEnv.default(false),
  SMTP_TIMEOUT_MS: ms(1_000, 120_000).default(15_000),
  MAIL_LINK_KEY: linkKey.optional(),
  /** Attempts before an e-mail is given up (failed + dead letter); with the defaults about 8 hours. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  /**
   * From this attempt on, an attachment billing cannot deliver (down, timing out, answering 5xx)
   * is left out and the e-mail goes with its link only; before it, the whole e-mail waits and is
   * retried. With the defaults about 15 minutes; capped by MAIL_MAX_ATTEMPTS.
   */
  MAIL_ATTACHMENT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(6),
  MAIL_RETRY_BASE_MS: ms(10, 3_600_000).default(30_000),
  MAIL_RETRY_MAX_MS: ms(10, 24 * 3_600_000).default(3_600_000),
  /** How often the sender looks for due e-mails when nothing woke it. */
  MAIL_POLL_MS: ms(10, 60_000).default(1_000),
  /**
   * Local only: the folder where the bundled SMTP catcher keeps what it received. When set, the
   * admin's Sent-mail view shows the caught message (live links included) instead of the
   * redacted record, so a demo user can follow a verification link. Never set it in production.
   */
  MAIL_CATCHER_DIR: z.string().min(1).optional(),
};

function smtpCredentialsRule(value: { SMTP_USER?: string; SMTP_PASS?: string }, ctx: z.RefinementCtx): void {
  if ((value.SMTP_USER === undefined) === (value.SMTP_PASS === undefined)) return;
  ctx.addIssue({
    code: 'custom',
    path: [value.SMTP_USER === undefined ? 'SMTP_USER' : 'SMTP_PASS'],
    message: 'set SMTP_USER and SMTP_PASS together (both or neither)',
  });
}

export const { settingsSchema, configSchema, loadConfig, loadConfigForServer } = defineServiceConfig(
  'notifications',
  settingsShape,
  smtpCredentialsRule,
);

export type NotificationsSettings = z.infer<typeof settingsSchema>;
export type NotificationsConfig = z.infer<typeof configSchema>;
