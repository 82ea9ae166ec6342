import { z } from 'zod';
import { baseConfigSchema, jwtConsumerConfigSchema, parseConfig } from '@tourconnect/service-kit';

const optionalUrl = z.string().url().optional();

/** The gateway's own settings; infrastructure URLs come from the base schema. */
export const settingsSchema = z.object({
  /** Rate-limit counters shared by every gateway replica; in memory per process when absent. */
  REDIS_URL: z.string().url().optional(),
  IDENTITY_URL: z.string().url(),
  PARTNERS_URL: optionalUrl,
  BUNDLING_URL: optionalUrl,
  BILLING_URL: optionalUrl,
  PROMOTIONS_URL: optionalUrl,
  ANALYTICS_URL: optionalUrl,
  CONNECTORS_URL: optionalUrl,
  NOTIFICATIONS_URL: optionalUrl,
  WEB_DIST_DIR: z.string().default('web/dist'),
  /** Extra origins allowed to call the API with credentials (the portal's own origin always is). */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url())),
  /** Requests per minute per client IP across /api. */
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /**
   * Proxies in front of the gateway whose X-Forwarded-For it believes (an ingress: 1). 0 when
   * browsers reach it directly, so nobody can pick their own address to dodge per-IP limits.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Sent to the services with every proxied request; they believe X-Forwarded-For only with it. */
  GATEWAY_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /**
   * How long an erased user's access tokens are refused (401 token_revoked) after
   * identity.user.deleted.v1: set it to identity's ACCESS_TOKEN_TTL_SECONDS. Unset: 900.
   */
  REVOKED_SUBJECT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .optional(),
});

/** identity's default access-token lifetime. */
export const DEFAULT_REVOKED_SUBJECT_TTL_SECONDS = 900;

export const configSchema = baseConfigSchema
  .omit({ DATABASE_URL: true })
  .extend(jwtConsumerConfigSchema.shape)
  .extend(settingsSchema.shape)
  .extend({
    /** Internal port for Prometheus (GET /metrics); never routed by the ingress. 0 = off. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  });

export type GatewaySettings = z.infer<typeof settingsSchema> & z.infer<typeof jwtConsumerConfigSchema>;
export type GatewayConfig = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  return parseConfig('gateway', configSchema, env);
}

export const serviceNames = [
  'identity',
  'partners',
  'bundling',
  'billing',
  'promotions',
  'analytics',
  'connectors',
  'notifications',
] as const;
export type ServiceName = (typeof serviceNames)[number];

export function upstreamsFrom(settings: GatewaySettings): Partial<Record<ServiceName, string>> {
  const urls: Partial<Record<ServiceName, string>> = { identity: settings.IDENTITY_URL };
  const optional = {
    partners: settings.PARTNERS_URL,
    bundling: settings.BUNDLING_URL,
    billing: settings.BILLING_URL,
    promotions: settings.PROMOTIONS_URL,
    analytics: settings.ANALYTICS_URL,
    connectors: settings.CONNECTORS_URL,
    notifications: settings.NOTIFICATIONS_URL,
  };
  for (const [name, url] of Object.entries(optional)) if (url) urls[name as ServiceName] = url;
  return urls;
}
