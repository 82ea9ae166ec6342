import type { Database } from '@tourconnect/db';

// The links the platform e-mails (through notifications) as the e2e flows read them: the
// secret each event carries, taken from the producing service's outbox on the test database.
// Nothing in the services opens a way around the e-mail; the tests read what a mailbox would
// receive.

/** The events that carry the secret of an e-mailed link, and the payload field naming the recipient. */
const linkEvents = {
  'identity.email_verification.requested.v1': 'email',
  'identity.password_reset.requested.v1': 'email',
  'identity.email_change.requested.v1': 'newEmail',
  'partners.invitation.sent.v1': 'email',
} as const;

export type LinkSubject = keyof typeof linkEvents;

/** Which event to read: the newest one to `email`, or (invitations) the one with this `invitationId`. */
export type LinkQuery = { email: string } | { invitationId: string };

type Reader = (subject: LinkSubject, query: LinkQuery) => Promise<string | undefined>;

const readers = new Map<string, Reader>();

/** startPlatform registers its database under its gateway URL, so `signUp(base, …)` can verify. */
export function registerMailbox(base: string, database: Database): () => void {
  readers.set(base, async (subject, query) => {
    const [field, value] =
      'email' in query ? [linkEvents[subject], query.email.trim().toLowerCase()] : ['invitationId', query.invitationId];
    // The schema is the producer, from the subject's first word (identity or partners).
    const outbox = subject.startsWith('partners.') ? 'partners.event_outbox' : 'identity.event_outbox';
    const { rows } = await database.pool.query(
      `SELECT envelope->'payload'->>'token' AS token FROM ${outbox}
        WHERE subject = $1 AND envelope->'payload'->>$2 = $3 ORDER BY id DESC LIMIT 1`,
      [subject, field, value],
    );
    return (rows[0]?.token as string | undefined) ?? undefined;
  });
  return () => readers.delete(base);
}

/** The newest link secret of `subject` the platform at `base` sent (see LinkQuery). */
export async function readLink(base: string, subject: LinkSubject, query: LinkQuery): Promise<string> {
  const reader = readers.get(base);
  if (!reader) throw new Error(`no mailbox for ${base}: start the platform with startPlatform()`);
  const token = await reader(subject, query);
  if (!token) throw new Error(`no ${subject} was sent for ${JSON.stringify(query)}`);
  return token;
}
