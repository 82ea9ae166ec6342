import type { Database } from '@tourconnect/db';
import type { ServiceApp } from '@tourconnect/service-kit';
import { post } from './http.ts';

/** The identity events that carry a link's secret for notifications to e-mail. */
export type LinkSubject =
  | 'identity.email_verification.requested.v1'
  | 'identity.password_reset.requested.v1'
  | 'identity.email_change.requested.v1';

/**
 * The newest link secret identity sent to `email`, read from its outbox as notifications would
 * receive it (the e-mail's link is `${PORTAL_URL}/<page>#token=<token>`). Undefined when none.
 */
export async function linkTokenFor(
  database: Database,
  subject: LinkSubject,
  email: string,
): Promise<string | undefined> {
  const field = subject === 'identity.email_change.requested.v1' ? 'newEmail' : 'email';
  const { rows } = await database.pool.query(
    `SELECT envelope->'payload'->>'token' AS token FROM identity.event_outbox
      WHERE subject = $1 AND envelope->'payload'->>$2 = $3 ORDER BY created_at DESC, id DESC LIMIT 1`,
    [subject, field, email.trim().toLowerCase()],
  );
  return rows[0]?.token ?? undefined;
}

/** Follows the verification link identity sent to `email` (POST /api/auth/verify-email). */
export async function verifyEmail(app: ServiceApp, database: Database, email: string) {
  const token = await linkTokenFor(database, 'identity.email_verification.requested.v1', email);
  if (!token) throw new Error(`no verification link was sent to ${email}`);
  const res = await post(app, '/api/auth/verify-email', { token });
  if (res.statusCode !== 200) throw new Error(`verify-email failed: ${res.statusCode} ${res.body}`);
  return res;
}
