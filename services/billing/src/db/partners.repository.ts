import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { bookingSplits, invoices, partnerAccounts, partners, payouts, transfers } from './schema.ts';

export type BillingPartnerRow = typeof partners.$inferSelect;

export interface PartnerFacts {
  id: string;
  /** Empty when the event does not carry it (a name learnt later fills it in). */
  name: string;
  type: string;
  status: string;
  verified: boolean;
  /** Invoice details, only from partners.partner.verified.v1; undefined leaves them as they are. */
  legal?: { legalName: string | null; vatId: string | null; country: string | null };
  /** The event's occurredAt: an older event never overwrites what a newer one said. */
  at: Date;
}

/**
 * Inserts or updates the partner from one of partners' events. Status and verification follow
 * the newest event (events may arrive out of order or twice); a name or type is taken from any
 * event that carries one when the row has none, or from a newer one; the invoice details from
 * the newest verification.
 */
export async function applyPartnerFacts(db: Executor, facts: PartnerFacts): Promise<void> {
  const newer = sql`excluded.updated_at >= ${partners.updatedAt}`;
  // An erased partner's name (and cleared details) never come back from a late event.
  const erased = sql`${partners.status} IN ('deletion_requested', 'deleted')`;
  const legal = facts.legal;
  // An older verification still fills details the row never had.
  const takeLegal = sql`(NOT ${erased} AND (${newer} OR ${partners.country} IS NULL))`;
  await db
    .insert(partners)
    .values({
      id: facts.id,
      name: facts.name,
      type: facts.type,
      status: facts.status,
      verified: facts.verified,
      legalName: legal?.legalName ?? null,
      vatId: legal?.vatId ?? null,
      country: legal?.country ?? null,
      updatedAt: facts.at,
    })
    .onConflictDoUpdate({
      target: partners.id,
      set: {
        name: sql`CASE WHEN excluded.name <> '' AND NOT ${erased} AND (${newer} OR ${partners.name} = '') THEN excluded.name ELSE ${partners.name} END`,
        type: sql`CASE WHEN excluded.type <> '' AND (${newer} OR ${partners.type} = '') THEN excluded.type ELSE ${partners.type} END`,
        status: sql`CASE WHEN ${newer} THEN excluded.status ELSE ${partners.status} END`,
        verified: sql`CASE WHEN ${newer} THEN excluded.verified ELSE ${partners.verified} END`,
        ...(legal
          ? {
              legalName: sql`CASE WHEN ${takeLegal} THEN excluded.legal_name ELSE ${partners.legalName} END`,
              vatId: sql`CASE WHEN ${takeLegal} THEN excluded.vat_id ELSE ${partners.vatId} END`,
              country: sql`CASE WHEN ${takeLegal} THEN excluded.country ELSE ${partners.country} END`,
            }
          : {}),
        updatedAt: sql`GREATEST(excluded.updated_at, ${partners.updatedAt})`,
      },
    });
}

export async function findPartner(db: Executor, id: string): Promise<BillingPartnerRow | undefined> {
  const [row] = await db.select().from(partners).where(eq(partners.id, id)).limit(1);
  return row;
}

/**
 * GDPR: the partner's display name goes; the legal name, VAT id and country stay only when an
 * issued invoice needs them (`keepInvoiceDetails`), else they go too. Returns whether a row changed.
 */
export async function anonymisePartner(
  db: Executor,
  id: string,
  options: { keepInvoiceDetails: boolean; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(partners)
    .set({
      name: '',
      status: 'deletion_requested',
      verified: false,
      ...(options.keepInvoiceDetails ? {} : { legalName: null, vatId: null }),
      updatedAt: sql`GREATEST(${partners.updatedAt}, ${options.at.toISOString()}::timestamptz)`,
    })
    .where(eq(partners.id, id))
    .returning({ id: partners.id });
  return rows.length > 0;
}

/**
 * The partner's money records billing keeps for legal retention (splits, transfers, payouts,
 * invoices, its Connect account row): they carry its id and amounts, no personal data.
 */
export async function countPartnerMoneyRecords(
  db: Executor,
  partnerId: string,
): Promise<{ total: number; invoices: number }> {
  const count = async (
    table: typeof bookingSplits | typeof transfers | typeof payouts | typeof invoices | typeof partnerAccounts,
  ) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(eq(table.partnerId, partnerId));
    return row?.n ?? 0;
  };
  const invoiceCount = await count(invoices);
  let total = invoiceCount;
  for (const table of [bookingSplits, transfers, payouts, partnerAccounts]) total += await count(table);
  return { total, invoices: invoiceCount };
}
