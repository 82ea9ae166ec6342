import { z } from 'zod';

/**
 * Config is read once, at boot, from the environment and validated. A missing or malformed
 * variable stops the process with a message naming it (STYLE habit 2).
 */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: { variable: string; message: string }[],
  ) {
    super(
      `Invalid configuration for ${service}:\n` + problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function parseConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    variable: issue.path.join('.') || '(root)',
    message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required but not set' : issue.message,
  }));
  throw new ConfigError(service, problems);
}

/** For entry points: print the named problems and exit non-zero instead of a stack trace. */
export function loadConfigOrExit<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  try {
    return parseConfig(service, schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

const port = z.coerce.number().int().min(0).max(65535);
const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL');
const natsUrl = z
  .string()
  .refine((v) => v.split(',').every((u) => /^(nats|tls):\/\/[^\s]+$/.test(u.trim())), 'must be nats:// URL(s)');

/** Variables every service reads; services `.extend()` this with their own. */
export const baseConfigSchema = z.object({
  PORT: port,
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: postgresUrl,
  /**
   * Connections this process keeps to PostgreSQL. A connection stays checked out until the
   * event loop has read its answer, so under load it is busy far longer than the statement:
   * the holds bench queued 138 ms per statement on 5 (services/bundling/README.md).
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  NATS_URL: natsUrl,
  /** Optional namespace for event subjects on a NATS shared by several environments. */
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'letters, digits, _ and - separated by dots')
    .optional(),
  LOG_LEVEL: logLevel.default('info'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_SERVICE_NAME: z.string().optional(),
  REDIS_URL: z.string().url().optional(),
  /**
   * Shared by the gateway and the services behind it: a service believes X-Forwarded-For only
   * on requests that carry it. Unset, a service trusts forwarded headers from any caller (a
   * single service in development); every deployment sets it.
   */
  GATEWAY_SECRET: z.string().min(32, 'at least 32 characters').optional(),
});

/** Variables of services that verify identity's tokens. */
export const jwtConsumerConfigSchema = z.object({
  JWKS_URL: z.string().url(),
  JWT_ISSUER: z.string().default('tourconnect-identity'),
  JWT_AUDIENCE: z.string().default('tourconnect'),
});

export const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * A service's config module in one call: its own settings (what the all-in-one parses, without
 * the base variables), the full config of its distributed entry, and the two loaders.
 */
export function defineServiceConfig<Shape extends z.ZodRawShape>(
  service: string,
  shape: Shape,
  refine?: (value: z.infer<z.ZodObject<Shape>>, ctx: z.RefinementCtx) => void,
) {
  const own = z.object(shape);
  const full = baseConfigSchema.extend(shape);
  const settingsSchema = refine ? own.superRefine(refine) : own;
  const configSchema = refine
    ? full.superRefine((value, ctx) => refine(value as z.infer<z.ZodObject<Shape>>, ctx))
    : full;
  type Config = z.infer<typeof configSchema>;
  return {
    settingsSchema,
    configSchema,
    /** Throws a ConfigError naming every bad variable (tests, launcher). */
    loadConfig: (env: Record<string, string | undefined>): Config => parseConfig(service, configSchema, env),
    /** Entry points: print the named problems and exit 78 instead of a stack trace. */
    loadConfigForServer: (env: Record<string, string | undefined>): Config =>
      loadConfigOrExit(service, configSchema, env),
  };
}
