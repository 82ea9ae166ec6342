import { and, asc, count, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { placeholders, preparedStatement, type Executor } from '@tourconnect/db';
import { deliveries, type AttachmentRecord, type DeliveryStatus } from './schema.ts';

export type { AttachmentRecord };
export type DeliveryRow = typeof deliveries.$inferSelect;
export type NewDelivery = typeof deliveries.$inferInsert;

/**
 * One delivery per (cause event, template, recipient key): a redelivered or replayed event
 * queues nothing new.
 */
export async function insertDelivery(
  tx: Executor,
  row: QueuedDelivery,
): Promise<{ ok: true } | { ok: false; reason: 'duplicate' }> {
  const { rowCount } = await insertDeliveryStatement.run(tx, row);
  return rowCount > 0 ? { ok: true } : { ok: false, reason: 'duplicate' };
}

// Two per booking (the traveller's e-mail and the partners'): built once, planned once per connection.
const queuedColumns = [
  'id',
  'causeEventId',
  'causeSubject',
  'template',
  'recipientKey',
  'locale',
  'recipientUserId',
  'recipientEmail',
  'subject',
  'html',
  'text',
  'sealedLinks',
  'attachments',
  'messageId',
] as const;
/** What queuing an e-mail writes; the rest (status, attempts, times) starts at the table's defaults. */
export type QueuedDelivery = Required<Pick<NewDelivery, (typeof queuedColumns)[number]>>;
const insertDeliveryStatement = preparedStatement<QueuedDelivery>('notifications_insert_delivery', (db) =>
  db
    .insert(deliveries)
    .values(placeholders<NewDelivery>(queuedColumns))
    .onConflictDoNothing({ target: [deliveries.causeEventId, deliveries.template, deliveries.recipientKey] }),
);

/**
 * Takes up to `limit` due e-mails for this sender: SKIP LOCKED lets several senders (replicas)
 * drain the queue without waiting on each other, and the lease keeps an e-mail from a second
 * sender while the first is still talking to the SMTP server. A lapsed lease (a sender that
 * died mid-send) makes the e-mail due again. Counts the attempt at claim time.
 */
export async function claimDueDeliveries(db: Executor, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
  const now = sql`now()`;
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.status, 'queued'),
        lte(deliveries.nextAttemptAt, now),
        or(isNull(deliveries.claimedUntil), lt(deliveries.claimedUntil, now)),
      ),
    )
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(deliveries)
    .set({
      claimedUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
      attempts: sql`${deliveries.attempts} + 1`,
    })
    .where(inArray(deliveries.id, due))
    .returning();
}

const stillQueued = (id: string) => and(eq(deliveries.id, id), eq(deliveries.status, 'queued'));

/**
 * Sent: the sealed links are wiped in the same statement; nothing secret outlives the send. The
 * attachments say what went with it (their names and sizes, never their bytes).
 */
export async function markDeliverySent(
  tx: Executor,
  id: string,
  receipt: { providerMessageId: string | null; smtpResponse: string; attachments: AttachmentRecord[] },
): Promise<DeliveryRow | undefined> {
  const [row] = await tx
    .update(deliveries)
    .set({
      status: 'sent',
      sentAt: sql`now()`,
      sealedLinks: null,
      claimedUntil: null,
      lastError: null,
      providerMessageId: receipt.providerMessageId,
      smtpResponse: receipt.smtpResponse.slice(0, 1_000),
      attachments: receipt.attachments,
    })
    .where(stillQueued(id))
    .returning();
  return row;
}

export async function rescheduleDelivery(db: Executor, id: string, error: string, nextAttemptAt: Date): Promise<void> {
  await db
    .update(deliveries)
    .set({ claimedUntil: null, lastError: error.slice(0, 1_000), nextAttemptAt })
    .where(stillQueued(id));
}

/**
 * Given up. The sealed links stay (encrypted) so a replay from the dead letters can still send
 * the same e-mail once the cause is fixed; erasure and a successful send wipe them.
 */
export async function markDeliveryFailed(tx: Executor, id: string, error: string): Promise<DeliveryRow | undefined> {
  const [row] = await tx
    .update(deliveries)
    .set({ status: 'failed', failedAt: sql`now()`, claimedUntil: null, lastError: error.slice(0, 1_000) })
    .where(stillQueued(id))
    .returning();
  return row;
}

/** A failed e-mail goes back to the queue, due now, with a fresh set of attempts. */
export async function requeueDelivery(tx: Executor, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await tx
    .update(deliveries)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: sql`now()`, failedAt: null })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, 'failed'), isNull(deliveries.erasedAt)))
    .returning();
  return row;
}

export async function findDelivery(db: Executor, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id));
  return row;
}

export interface DeliveryFilter {
  /** An e-mail address or a user id. */
  recipient?: string | undefined;
  status?: DeliveryStatus | undefined;
  template?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listDeliveries(
  db: Executor,
  filter: DeliveryFilter,
): Promise<{ rows: DeliveryRow[]; total: number }> {
  const where = and(
    filter.recipient
      ? or(
          eq(deliveries.recipientEmail, filter.recipient.toLowerCase()),
          eq(deliveries.recipientUserId, filter.recipient),
        )
      : undefined,
    filter.status ? eq(deliveries.status, filter.status) : undefined,
    filter.template ? eq(deliveries.template, filter.template) : undefined,
  );
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(deliveries)
      .where(where)
      .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(deliveries).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

/**
 * GDPR erasure: the record that an e-mail was sent stays (template, when, server id), the
 * address, bodies and sealed links go. E-mails not sent yet are given up.
 */
export async function eraseRecipientDeliveries(tx: Executor, userId: string, emails: string[]): Promise<number> {
  const mine = emails.length
    ? or(eq(deliveries.recipientUserId, userId), inArray(deliveries.recipientEmail, emails))
    : eq(deliveries.recipientUserId, userId);
  const erased = await tx
    .update(deliveries)
    .set({
      recipientEmail: null,
      html: null,
      text: null,
      sealedLinks: null,
      erasedAt: sql`now()`,
      claimedUntil: null,
      status: sql`CASE WHEN ${deliveries.status} = 'queued' THEN 'failed' ELSE ${deliveries.status} END`,
      failedAt: sql`CASE WHEN ${deliveries.status} = 'queued' THEN now() ELSE ${deliveries.failedAt} END`,
      lastError: sql`CASE WHEN ${deliveries.status} = 'queued' THEN 'recipient erased' ELSE ${deliveries.lastError} END`,
    })
    .where(and(mine, isNull(deliveries.erasedAt)))
    .returning({ id: deliveries.id });
  return erased.length;
}
