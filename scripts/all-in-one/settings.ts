import { z } from 'zod';
import { parseConfig } from '@tourconnect/service-kit';

/**
 * The all-in-one launcher's own variables. Every infrastructure URL is optional here: what is
 * missing is replaced by a local fallback (embedded PostgreSQL, in-process events, the bundled
 * Stripe emulator), each announced in one log line.
 */
export const allInOneSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('localhost'),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.string().url().optional(),
  NATS_URL: z.string().optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(12111),
  OCTO_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(13100),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  WEB_DIST_DIR: z.string().default('web/dist'),
  /** Requests per minute per client IP through the gateway. */
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(6000),
  SEED_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  /**
   * In-process events only: consumers nobody waits on (booking e-mails, audit entries, suggestion
   * counts) hold back while requests are in flight and the event loop is saturated, each event at
   * most this long; 0 delivers at once.
   */
  BACKGROUND_EVENTS_MAX_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  // Demo admin for the local platform only; set your own in any shared environment.
  ADMIN_EMAIL: z.string().email().default('admin@tourconnect.demo'),
  ADMIN_PASSWORD: z.string().min(10).default('Admin-demo-2026'),
});
export type AllInOneSettings = z.infer<typeof allInOneSchema>;

export function loadAllInOneSettings(env: Record<string, string | undefined> = process.env): AllInOneSettings {
  return parseConfig('all-in-one', allInOneSchema, env);
}

export const demoUsers = [
  {
    email: 'traveller@tourconnect.demo',
    password: 'Traveller-demo-2026',
    displayName: 'Tessa Traveller',
    locale: 'en',
  },
  { email: 'partner@tourconnect.demo', password: 'Partner-demo-2026', displayName: 'Paolo Partner', locale: 'it' },
  { email: 'hotel@tourconnect.demo', password: 'Hotel-demo-2026', displayName: 'Heidi Hotel', locale: 'de' },
  { email: 'dmo@tourconnect.demo', password: 'Dmo-demo-2026', displayName: 'Giulia Garda', locale: 'it' },
  { email: 'ferry@tourconnect.demo', password: 'Ferry-demo-2026', displayName: 'Carlos Costa', locale: 'es' },
  { email: 'lagoblu@tourconnect.demo', password: 'Lagoblu-demo-2026', displayName: 'Lena Lago', locale: 'de' },
  {
    email: 'navigazione@tourconnect.demo',
    password: 'Battelli-demo-2026',
    displayName: 'Marco Battelli',
    locale: 'it',
  },
] as const;
