import type { Database } from '@tourconnect/db';

// The links the platform e-mails (through notifications), as a local script or test reads
// them: the secret each event carries, taken from the producing service's outbox. The demo
// seed, the benchmarks and the e2e tests follow the same links a user would click; nothing in
// the services opens a way around the e-mail. The outbox row is written in the transaction
// that answered the request, so the secret is there as soon as the answer is, whatever the
// transport or the mail server (the relay purges sent rows after a day).

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

export interface Mailbox {
  /** The secret of the newest `subject` link matching `query`; throws when none was sent. */
  link(subject: LinkSubject, query: LinkQuery): Promise<string>;
}

/** A mailbox over the platform's database (the `identity` and `partners` schemas, qualified in SQL). */
export function outboxMailbox(database: Pick<Database, 'pool'>): Mailbox {
  return {
    async link(subject, query) {
      const [field, value] =
        'email' in query
          ? [linkEvents[subject], query.email.trim().toLowerCase()]
          : ['invitationId', query.invitationId];
      // The schema is the producer's, from the subject's first word (identity or partners).
      const outbox = subject.startsWith('partners.') ? 'partners.event_outbox' : 'identity.event_outbox';
      const { rows } = await database.pool.query(
        `SELECT envelope->'payload'->>'token' AS token FROM ${outbox}
          WHERE subject = $1 AND envelope->'payload'->>$2 = $3 ORDER BY id DESC LIMIT 1`,
        [subject, field, value],
      );
      const token = rows[0]?.token as string | undefined;
      if (!token) throw new Error(`no ${subject} was sent for ${JSON.stringify(query)}`);
      return token;
    },
  };
}

// By gateway URL, for callers that know only the platform's address (`npm start`'s seed,
// `signUp(base, …)` in the e2e tests).
const mailboxes = new Map<string, Mailbox>();

/** Makes the platform at `base` readable with `readLink(base, …)`; returns the undo. */
export function registerMailbox(base: string, database: Pick<Database, 'pool'>): () => void {
  mailboxes.set(base, outboxMailbox(database));
  return () => mailboxes.delete(base);
}

/** The mailbox registered for the platform at `base`. */
export function mailboxAt(base: string): Mailbox {
  const mailbox = mailboxes.get(base);
  if (!mailbox) throw new Error(`no mailbox for ${base}: start the platform with startPlatform()`);
  return mailbox;
}

/** The newest link secret of `subject` the platform at `base` sent (see LinkQuery). */
export function readLink(base: string, subject: LinkSubject, query: LinkQuery): Promise<string> {
  return mailboxAt(base).link(subject, query);
}
