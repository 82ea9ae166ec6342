import { and, asc, count, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Descriptions, PartnerStatus, PartnerType } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import { partners } from './schema.ts';

export type PartnerRow = typeof partners.$inferSelect;

/** The columns a partner fills in itself, at registration and in later edits. */
export interface PartnerProfileColumns {
  name: string;
  legalName: string | null;
  vatId: string | null;
  country: string;
  website: string | null;
  socialLinks: string[];
  contactEmail: string | null;
  contactPhone: string | null;
  description: string | null;
  descriptions: Descriptions;
  regions: string[];
  languages: string[];
}

export type NewPartner = Partial<PartnerProfileColumns> &
  Pick<PartnerProfileColumns, 'name' | 'country'> & { id: string; ownerUserId: string; type: PartnerType };

/** What an update may set: everything but the identity of the row and its timestamps. */
export type PartnerChanges = Partial<Omit<PartnerRow, 'id' | 'ownerUserId' | 'type' | 'createdAt' | 'updatedAt'>>;

export async function insertPartner(executor: Executor, values: NewPartner): Promise<PartnerRow> {
  const [row] = await executor.insert(partners).values(values).returning();
  if (!row) throw new Error(`partner ${values.id} was not inserted`);
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

export async function updatePartner(executor: Executor, id: string, changes: PartnerChanges): Promise<PartnerRow> {
  const [row] = await executor
    .update(partners)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(partners.id, id))
    .returning();
  if (!row) throw new Error(`partner ${id} vanished during an update`);
  return row;
}

/** The partner's owner changes only by a hand-over between members (the members' roles change with it). */
export async function setPartnerOwner(executor: Executor, id: string, ownerUserId: string): Promise<PartnerRow> {
  const [row] = await executor
    .update(partners)
    .set({ ownerUserId, updatedAt: new Date() })
    .where(eq(partners.id, id))
    .returning();
  if (!row) throw new Error(`partner ${id} vanished during an ownership change`);
  return row;
}

export interface PartnerRef {
  id: string;
  name: string;
  status: PartnerStatus;
}

/** Other live partners registered with the same VAT id (the `vat_duplicate` check). */
export async function partnersWithVat(executor: Executor, vatId: string, exceptId: string): Promise<PartnerRef[]> {
  return executor
    .select({ id: partners.id, name: partners.name, status: partners.status })
    .from(partners)
    .where(and(eq(partners.vatId, vatId), ne(partners.id, exceptId), ne(partners.status, 'deleted')))
    .orderBy(asc(partners.createdAt))
    .limit(20);
}

export interface PartnerFilter {
  statuses: readonly PartnerStatus[];
  type?: PartnerType | undefined;
  region?: string | undefined;
  language?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

function filterWhere(filter: PartnerFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [inArray(partners.status, [...filter.statuses])];
  if (filter.type) where.push(eq(partners.type, filter.type));
  // A country filter also finds partners serving a subdivision of it ("IT" matches "IT-21").
  if (filter.region) {
    where.push(
      filter.region.includes('-')
        ? sql`${filter.region} = ANY(${partners.regions})`
        : sql`EXISTS (SELECT 1 FROM unnest(${partners.regions}) AS r WHERE r = ${filter.region} OR r LIKE ${`${filter.region}-%`})`,
    );
  }
  if (filter.language) where.push(sql`${filter.language} = ANY(${partners.languages})`);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        ilike(partners.name, pattern),
        ilike(partners.description, pattern),
        sql`EXISTS (SELECT 1 FROM jsonb_each_text(${partners.descriptions}) AS d WHERE d.value ILIKE ${pattern})`,
      ),
    );
  }
  return and(...where);
}

/** One page of partners: the directory (verified first, by name) or the review queue (oldest submission first). */
export async function listPartners(
  executor: Executor,
  filter: PartnerFilter,
  order: 'directory' | 'queue',
): Promise<{ rows: PartnerRow[]; total: number }> {
  const where = filterWhere(filter);
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
