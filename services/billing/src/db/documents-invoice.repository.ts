import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { appendAudit, type AuditEntry } from '@tourconnect/audit';
import type { Executor, Tx } from '@tourconnect/db';
import { auditLog, campaignSpend, invoices, partners } from './schema.ts';

export type InvoiceRow = typeof invoices.$inferSelect;
export type NewInvoiceRow = typeof invoices.$inferInsert;

export interface PartnerSnapshot {
  partnerId: string;
  name: string;
  legalName: string | null;
  vatId: string | null;
  country: string | null;
}

export async function findPartnerSnapshot(db: Executor, partnerId: string): Promise<PartnerSnapshot | undefined> {
  const [row] = await db
    .select({
      partnerId: partners.id,
      name: partners.name,
      legalName: partners.legalName,
      vatId: partners.vatId,
      country: partners.country,
    })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return row;
}

/** [first day 00:00, day after the last 00:00) in Rome. */
const monthBounds = (start: string, end: string) => ({
  from: sql`((${start})::date)::timestamp AT TIME ZONE 'Europe/Rome'`,
  to: sql`((${end})::date + 1)::timestamp AT TIME ZONE 'Europe/Rome'`,
});

export interface MonthFees {
  partnerId: string;
  currency: string;
  feeMinor: number;
  bookings: number;
}

/** Platform fees on each partner's booking splits written (paid) in the period. */
export async function monthFees(db: Executor, start: string, end: string): Promise<MonthFees[]> {
  const { from, to } = monthBounds(start, end);
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT partner_id, currency, sum(fee_minor) AS fee, count(DISTINCT booking_id) AS bookings
      FROM billing.booking_splits
     WHERE created_at >= ${from} AND created_at < ${to}
     GROUP BY partner_id, currency`);
  return result.rows.map((r) => ({
    partnerId: String(r.partner_id),
    currency: String(r.currency),
    feeMinor: Number(r.fee),
    bookings: Number(r.bookings),
  }));
}

export interface RefundFeeShare {
  refundId: string;
  currency: string;
  platformRefundMinor: number;
  partnerId: string;
  /** The partner's platform fee on the refunded booking: its weight in the fee given back. */
  partnerFeeMinor: number;
}

/** Succeeded refunds of the period that gave platform fee back, with each partner's fee on the booking. */
export async function monthFeeRefunds(db: Executor, start: string, end: string): Promise<RefundFeeShare[]> {
  const { from, to } = monthBounds(start, end);
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT r.id AS refund_id, r.currency, r.platform_refund_minor, s.partner_id, sum(s.fee_minor) AS fee
      FROM billing.refunds r
      JOIN billing.booking_splits s ON s.booking_id = r.booking_id
     WHERE r.status = 'succeeded' AND r.platform_refund_minor > 0
       AND r.created_at >= ${from} AND r.created_at < ${to}
     GROUP BY r.id, r.currency, r.platform_refund_minor, s.partner_id
     ORDER BY r.id, s.partner_id`);
  return result.rows.map((r) => ({
    refundId: String(r.refund_id),
    currency: String(r.currency),
    platformRefundMinor: Number(r.platform_refund_minor),
    partnerId: String(r.partner_id),
    partnerFeeMinor: Number(r.fee),
  }));
}

export interface SpendRow {
  eventId: string;
  partnerId: string;
  currency: string;
  amountMinor: number;
}

/** Sponsored-placement spend of the period not on an invoice yet. */
export async function monthSpend(db: Executor, start: string, end: string): Promise<SpendRow[]> {
  return db
    .select({
      eventId: campaignSpend.eventId,
      partnerId: campaignSpend.partnerId,
      currency: campaignSpend.currency,
      amountMinor: campaignSpend.amountMinor,
    })
    .from(campaignSpend)
    .where(and(sql`${campaignSpend.day} BETWEEN ${start} AND ${end}`, sql`${campaignSpend.invoiceId} IS NULL`));
}

export async function findInvoiceFor(
  tx: Executor,
  partnerId: string,
  start: string,
  end: string,
  currency: string,
): Promise<InvoiceRow | undefined> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.partnerId, partnerId),
        eq(invoices.periodStart, start),
        eq(invoices.periodEnd, end),
        eq(invoices.currency, currency),
      ),
    );
  return row;
}

/** The invoice and its spend rows marked as invoiced, in the caller's (numbering) transaction. */
export async function insertInvoice(tx: Tx, row: NewInvoiceRow, spendEventIds: readonly string[]): Promise<InvoiceRow> {
  const [inserted] = await tx.insert(invoices).values(row).returning();
  if (spendEventIds.length > 0) {
    await tx
      .update(campaignSpend)
      .set({ invoiceId: inserted!.id })
      .where(inArray(campaignSpend.eventId, [...spendEventIds]));
  }
  return inserted!;
}

export async function listPartnerInvoices(db: Executor, partnerId: string): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(invoices)
    .where(eq(invoices.partnerId, partnerId))
    .orderBy(desc(invoices.issuedAt), desc(invoices.number));
}

export async function listPeriodInvoices(db: Executor, start: string, end: string): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.periodStart, start), eq(invoices.periodEnd, end)))
    .orderBy(invoices.number);
}

export async function findInvoice(db: Executor, id: string): Promise<InvoiceRow | undefined> {
  const [row] = await db.select().from(invoices).where(eq(invoices.id, id));
  return row;
}

/** billing's hash-chained audit log, last in the caller's transaction. */
export async function appendDocumentAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}
