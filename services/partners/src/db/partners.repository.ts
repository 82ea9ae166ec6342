import { and, asc, count, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { MemberRole, PartnerStatus } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import type { PartnerRow } from '../domain/partner-view.ts';
import { documents, members, partners } from './schema.ts';

export interface Membership {
  partner: PartnerRow;
  role: MemberRole;
}

/** The caller's partner and role; `forUpdate` locks the partner row for a state change. */
export async function findMembership(
  executor: Executor,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Membership | undefined> {
  const query = executor
    .select({ partner: partners, role: members.role })
    .from(members)
    .innerJoin(partners, eq(partners.id, members.partnerId))
    .where(eq(members.userId, userId));
  // Locks the member row too, which also keeps a concurrent removal out until commit.
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findPartner(
  executor: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PartnerRow | undefined> {
  const query = executor.select().from(partners).where(eq(partners.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updatePartner(executor: Executor, id: string, values: Partial<PartnerRow>): Promise<PartnerRow> {
  const [row] = await executor
    .update(partners)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(partners.id, id))
    .returning();
  if (!row) throw new Error(`partner ${id} vanished during an update`);
  return row;
}

/** Other live partners registered with the same VAT id (the `vat_duplicate` check). */
export async function partnersWithVat(
  executor: Executor,
  vatId: string,
  exceptId: string,
): Promise<{ id: string; name: string; status: PartnerStatus }[]> {
  return executor
    .select({ id: partners.id, name: partners.name, status: partners.status })
    .from(partners)
    .where(and(eq(partners.vatId, vatId), ne(partners.id, exceptId), ne(partners.status, 'deleted')))
    .orderBy(asc(partners.createdAt))
    .limit(20);
}

/** Documents of this partner whose bytes appear twice here or on another partner. */
export async function duplicateDocumentIds(executor: Executor, partnerId: string): Promise<string[]> {
  const rows = await executor
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.partnerId, partnerId),
        sql`EXISTS (SELECT 1 FROM ${documents} AS other WHERE other.sha256 = ${documents.sha256} AND other.id <> ${documents.id})`,
      ),
    );
  return rows.map((row) => row.id);
}

export interface DirectoryFilter {
  statuses: readonly PartnerStatus[];
  type?: string | undefined;
  region?: string | undefined;
  language?: string | undefined;
  verifiedOnly?: boolean;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

function directoryWhere(filter: DirectoryFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [inArray(partners.status, [...filter.statuses])];
  if (filter.type) where.push(eq(partners.type, filter.type as PartnerRow['type']));
  // A country filter also finds partners serving a subdivision of it ("IT" matches "IT-21").
  if (filter.region) {
    where.push(
      filter.region.includes('-')
        ? sql`${filter.region} = ANY(${partners.regions})`
        : sql`EXISTS (SELECT 1 FROM unnest(${partners.regions}) AS r WHERE r = ${filter.region} OR r LIKE ${`${filter.region}-%`})`,
    );
  }
  if (filter.language) where.push(sql`${filter.language} = ANY(${partners.languages})`);
  if (filter.verifiedOnly) where.push(eq(partners.verified, true));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(partners.name, pattern), ilike(partners.description, pattern)));
  }
  return and(...where);
}

export async function listPartners(
  executor: Executor,
  filter: DirectoryFilter,
  order: 'directory' | 'queue',
): Promise<{ rows: PartnerRow[]; total: number }> {
  const where = directoryWhere(filter);
  const orderBy =
    order === 'queue'
      ? [asc(sql`coalesce(${partners.submittedAt}, ${partners.createdAt})`), asc(partners.id)]
      : [desc(partners.verified), asc(partners.name), asc(partners.id)];
  const [rows, [totals]] = await Promise.all([
    executor
      .select()
      .from(partners)
      .where(where)
      .orderBy(...orderBy)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    executor.select({ total: count() }).from(partners).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}
