import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { partners } from './schema.ts';

export type PartnerRow = typeof partners.$inferSelect;

export interface PartnerFacts {
  id: string;
  /** Empty when the event does not carry it (a name learnt later fills it in). */
  name: string;
  type: string;
  status: string;
  verified: boolean;
  /** The event's occurredAt: an older event never overwrites what a newer one said. */
  at: Date;
}

/**
 * Inserts or updates the partner from one of partners' events. Status and badge follow the
 * newest event (events may arrive out of order or twice); a name or type is taken from any
 * event that carries one when the row has none, or from a newer one.
 */
export async function applyPartnerFacts(db: Executor, facts: PartnerFacts): Promise<void> {
  const newer = sql`excluded.updated_at >= ${partners.updatedAt}`;
  await db
    .insert(partners)
    .values({
      id: facts.id,
      name: facts.name,
      type: facts.type,
      status: facts.status,
      verified: facts.verified,
      updatedAt: facts.at,
    })
    .onConflictDoUpdate({
      target: partners.id,
      set: {
        name: sql`CASE WHEN excluded.name <> '' AND (${newer} OR ${partners.name} = '') THEN excluded.name ELSE ${partners.name} END`,
        type: sql`CASE WHEN excluded.type <> '' AND (${newer} OR ${partners.type} = '') THEN excluded.type ELSE ${partners.type} END`,
        status: sql`CASE WHEN ${newer} THEN excluded.status ELSE ${partners.status} END`,
        verified: sql`CASE WHEN ${newer} THEN excluded.verified ELSE ${partners.verified} END`,
        updatedAt: sql`GREATEST(excluded.updated_at, ${partners.updatedAt})`,
      },
    });
}

export async function findPartner(db: Executor, id: string): Promise<PartnerRow | undefined> {
  const [row] = await db.select().from(partners).where(eq(partners.id, id)).limit(1);
  return row;
}
