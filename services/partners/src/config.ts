import path from 'node:path';
import { z } from 'zod';
import { booleanFromEnv, defineServiceConfig, jwtConsumerConfigSchema } from '@tourconnect/service-kit';

const serviceName = z.string().regex(/^[a-z]+$/, 'service names are lower-case words');

/** The partners service's own variables; the kit adds PORT, DATABASE_URL, NATS_URL, LOG_LEVEL… */
const settingsShape = {
  ...jwtConsumerConfigSchema.shape,
  /** Local document store (default `.data/uploads` under the working directory). */
  UPLOADS_DIR: z
    .string()
    .min(1)
    .default('.data/uploads')
    .transform((value) => path.resolve(value)),
  /** When set, documents and logos go to this S3-compatible store (MinIO in docker-compose). */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFromEnv.default(true),
  /** Per client IP and minute: the public directory and profiles (twice this for profiles). */
  DIRECTORY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Per client IP and minute: document and logo uploads. */
  UPLOAD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /**
   * The services (besides partners) that hold partner data and confirm a GDPR erasure with
   * `<service>.partner_data.erased.v1`; a deletion completes when every one has confirmed.
   */
  PARTNER_DATA_HOLDERS: z
    .string()
    .default('identity')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(serviceName).min(1)),
};

/** S3 needs its bucket and credentials as soon as an endpoint is named. */
function s3Rule(value: { S3_ENDPOINT?: string | undefined } & Record<string, unknown>, ctx: z.RefinementCtx): void {
  if (!value.S3_ENDPOINT) return;
  for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
    if (!value[key]) ctx.addIssue({ code: 'custom', path: [key], message: `required when S3_ENDPOINT is set` });
  }
}

/**
 * `settingsSchema`: what the all-in-one launcher parses (no base variables); `configSchema`:
 * everything the distributed entry point reads; `loadConfig(env)` throws a ConfigError naming
 * every bad variable; `loadConfigForServer(env)` prints them and exits 78.
 */
export const { settingsSchema, configSchema, loadConfig, loadConfigForServer } = defineServiceConfig(
  'partners',
  settingsShape,
  s3Rule,
);

export type PartnersSettings = z.infer<typeof settingsSchema>;
export type PartnersConfig = z.infer<typeof configSchema>;
