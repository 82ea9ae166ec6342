import { sql } from 'drizzle-orm';
import { startServiceHarness, type ServiceHarness } from '@tourconnect/service-kit/testing';
import { buildNotificationsService, settingsSchema, type NotificationsSettings } from '../../src/app.ts';
import { deliveries } from '../../src/db/schema.ts';

export type NotificationsHarness = ServiceHarness<NotificationsSettings>;

export const PORTAL_URL = 'https://portal.tourconnect.test';

/**
 * notifications on the real PostgreSQL with its SMTP settings pointing at `smtpPort` (a real
 * smtp-server peer), retries in milliseconds instead of minutes. `env` overrides any variable.
 */
export function startNotificationsHarness(smtpPort: number, env: Record<string, string> = {}) {
  return startServiceHarness<NotificationsSettings>({
    service: 'notifications',
    build: buildNotificationsService,
    settings: (tokens) =>
      settingsSchema.parse({
        ...tokens.settings,
        PORTAL_URL,
        MAIL_FROM: 'TourConnect <no-reply@tourconnect.test>',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpPort),
        SMTP_TIMEOUT_MS: '2000',
        MAIL_POLL_MS: '50',
        MAIL_RETRY_BASE_MS: '50',
        MAIL_RETRY_MAX_MS: '200',
        MAIL_MAX_ATTEMPTS: '4',
        // No billing by default: a test that sends a receipt starts test/support/fake-billing.ts.
        BILLING_URL: 'http://127.0.0.1:9',
        ...env,
      }),
  });
}

export type DeliveryRecord = typeof deliveries.$inferSelect;

export async function deliveryRows(harness: NotificationsHarness): Promise<DeliveryRecord[]> {
  return harness.database.db.select().from(deliveries).orderBy(deliveries.createdAt, deliveries.template);
}

/** Every row of every table in the notifications schema, as text: where a leaked secret would show. */
export async function everythingStored(harness: NotificationsHarness): Promise<string> {
  const { rows: tables } = await harness.database.pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'notifications'`,
  );
  const dumps = await Promise.all(
    tables.map(async ({ table_name }) => {
      const result = await harness.database.db.execute(
        sql.raw(`SELECT coalesce(string_agg(t::text, E'\\n'), '') AS dump FROM "notifications"."${table_name}" t`),
      );
      return String((result.rows[0] as { dump: string }).dump);
    }),
  );
  return dumps.join('\n');
}
