import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import type { ReceiptLine, ReceiptSnapshot } from '../documents/receipt-snapshot.ts';
import { bookings, campaignSpend, documentCounters, partners, payments, receipts, stripeEvents } from './schema.ts';

export type ReceiptRow = typeof receipts.$inferSelect;

/** Document numbers count per calendar year in Italy, where the platform is established. */
const yearFormat = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Rome', year: 'numeric' });
export function documentYear(at: Date): number {
  return Number(yearFormat.format(at));
}

/**
 * Locks the (series, year) counter row for the rest of the transaction. Callers check for an
 * existing document after this, so two transactions issuing the same document never both
 * take a number (a rolled-back number would be a gap).
 */
export async function lockCounter(tx: Tx, series: string, year: number): Promise<void> {
  await tx.insert(documentCounters).values({ series, year, lastNumber: 0 }).onConflictDoNothing();
  await tx
    .select()
    .from(documentCounters)
    .where(and(eq(documentCounters.series, series), eq(documentCounters.year, year)))
    .for('update');
}

/** The next number of the series, in the caller's transaction: it disappears with a rollback, so no gaps. */
export async function nextDocumentNumber(tx: Tx, series: string, year: number): Promise<string> {
  const [row] = await tx
    .update(documentCounters)
    .set({ lastNumber: sql`${documentCounters.lastNumber} + 1` })
    .where(and(eq(documentCounters.series, series), eq(documentCounters.year, year)))
    .returning({ n: documentCounters.lastNumber });
  if (!row) throw new Error(`document counter ${series}/${year} is not locked`);
  return `${series}-${year}-${String(row.n).padStart(6, '0')}`;
}

export interface IssueReceiptInput {
  bookingId: string;
  userId: string;
  currency: string;
  totalMinor: number;
  /** What the PDF prints; built from billing's tables (booking, partners, payment) when omitted. */
  snapshot?: ReceiptSnapshot;
  issuedAt?: Date;
}

/**
 * Issues the booking's receipt in the caller's transaction (the payment-succeeded one):
 * numbered 'R-<year>-<6 digits>', gapless, once per booking — a second call returns the
 * receipt already issued and takes no number.
 */
export async function issueReceipt(tx: Tx, input: IssueReceiptInput): Promise<ReceiptRow> {
  const existing = await findReceipt(tx, input.bookingId);
  if (existing) return existing;
  const issuedAt = input.issuedAt ?? new Date();
  const year = documentYear(issuedAt);
  await lockCounter(tx, 'R', year);
  // A concurrent issuer for the same booking committed while we waited for the counter.
  const raced = await findReceipt(tx, input.bookingId);
  if (raced) return raced;
  const snapshot = input.snapshot ?? (await buildReceiptSnapshot(tx, input.bookingId, issuedAt));
  const number = await nextDocumentNumber(tx, 'R', year);
  const [row] = await tx
    .insert(receipts)
    .values({
      id: crypto.randomUUID(),
      bookingId: input.bookingId,
      userId: input.userId,
      number,
      currency: input.currency,
      totalMinor: input.totalMinor,
      snapshot,
      issuedAt,
    })
    .returning();
  return row!;
}

export async function findReceipt(db: Executor, bookingId: string): Promise<ReceiptRow | undefined> {
  const [row] = await db.select().from(receipts).where(eq(receipts.bookingId, bookingId));
  return row;
}

/** The receipt's content from billing's booking projection, partners projection and payment. */
export async function buildReceiptSnapshot(
  tx: Executor,
  bookingId: string,
  fallbackPaidAt: Date,
): Promise<ReceiptSnapshot> {
  const [booking] = await tx.select().from(bookings).where(eq(bookings.id, bookingId));
  if (!booking) throw new Error(`booking ${bookingId} is not in billing's projection`);
  const [payment] = await tx.select().from(payments).where(eq(payments.bookingId, bookingId));
  const partnerIds = [...new Set([booking.sellerPartnerId, ...booking.lines.map((l) => l.partnerId)])];
  const names = await partnerNames(tx, partnerIds);
  const lines: ReceiptLine[] = [...booking.lines]
    .sort((a, b) => a.position - b.position)
    .map((l) => ({
      position: l.position,
      itemType: l.itemType,
      ...(l.title ? { title: l.title } : {}),
      partnerName: names.get(l.partnerId) ?? null,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      grossMinor: l.grossMinor,
      discountMinor: l.discountMinor,
      totalMinor: l.netMinor,
    }));
  return {
    version: 1,
    bookingId,
    packageTitle: booking.packageTitle,
    sellerName: names.get(booking.sellerPartnerId) ?? null,
    paidAt: (payment?.succeededAt ?? fallbackPaidAt).toISOString(),
    currency: booking.currency,
    lines,
    subtotalMinor: booking.subtotalMinor,
    bundleDiscountMinor: booking.bundleDiscountMinor,
    couponDiscountMinor: booking.couponDiscountMinor,
    couponCode: booking.couponCode,
    totalMinor: booking.totalMinor,
    paymentMethod: payment ? await paymentMethodOf(tx, payment.paymentIntentId) : null,
  };
}

async function partnerNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: partners.id, name: partners.name, legalName: partners.legalName })
    .from(partners)
    .where(inArray(partners.id, ids));
  return new Map(rows.map((r) => [r.id, r.name || r.legalName || '']));
}

/** Card brand and last 4 digits from the stored charge.succeeded event, if billing received one. */
async function paymentMethodOf(db: Executor, paymentIntentId: string): Promise<ReceiptSnapshot['paymentMethod']> {
  const card = sql`${stripeEvents.payload} -> 'data' -> 'object' -> 'payment_method_details' -> 'card'`;
  const [row] = await db
    .select({ brand: sql<string | null>`${card} ->> 'brand'`, last4: sql<string | null>`${card} ->> 'last4'` })
    .from(stripeEvents)
    .where(
      and(
        inArray(stripeEvents.type, ['charge.succeeded', 'charge.updated']),
        sql`${stripeEvents.payload} -> 'data' -> 'object' ->> 'payment_intent' = ${paymentIntentId}`,
      ),
    )
    .limit(1);
  return row?.brand && row.last4 ? { brand: row.brand, last4: row.last4 } : null;
}

/** Whether billing's booking projection holds the booking (a receipt prints its lines). */
export async function receiptBookingExists(db: Executor, bookingId: string): Promise<boolean> {
  const [row] = await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, bookingId));
  return Boolean(row);
}

/** The succeeded payment of a booking (receipts are issued for nothing else). */
export async function findSucceededPayment(db: Executor, bookingId: string) {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.bookingId, bookingId), eq(payments.status, 'succeeded')));
  return row;
}

// ─── Sponsored-placement spend ───────────────────────────────────────────────────────────

export type NewCampaignSpend = typeof campaignSpend.$inferInsert;

/** One row per charged click event; a redelivery inserts nothing and answers false. */
export async function recordCampaignSpend(tx: Tx, row: NewCampaignSpend): Promise<boolean> {
  const inserted = await tx
    .insert(campaignSpend)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: campaignSpend.eventId });
  return inserted.length > 0;
}

/**
 * Nets the partner's oldest un-netted spend (in `currency`) from a transfer: marks whole rows,
 * oldest first, while their sum stays ≤ maxMinor, with the transfer's id, and answers the sum
 * taken. A row is never split: what does not fit waits for the next transfer.
 */
export async function takeSpendToNet(
  tx: Tx,
  partnerId: string,
  currency: string,
  maxMinor: number,
  transferId: string,
): Promise<number> {
  if (maxMinor <= 0) return 0;
  const open = await tx
    .select({ eventId: campaignSpend.eventId, amountMinor: campaignSpend.amountMinor })
    .from(campaignSpend)
    .where(
      and(
        eq(campaignSpend.partnerId, partnerId),
        eq(campaignSpend.currency, currency),
        isNull(campaignSpend.nettedTransferId),
      ),
    )
    .orderBy(asc(campaignSpend.day), asc(campaignSpend.createdAt), asc(campaignSpend.eventId))
    .for('update');
  const taken: string[] = [];
  let total = 0;
  for (const row of open) {
    if (total + row.amountMinor > maxMinor) break;
    total += row.amountMinor;
    taken.push(row.eventId);
  }
  if (taken.length > 0) {
    await tx.update(campaignSpend).set({ nettedTransferId: transferId }).where(inArray(campaignSpend.eventId, taken));
  }
  return total;
}
