import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { partners } from './schema.ts';

/**
 * Records whether the partner's Stripe account can receive payouts, from billing's
 * billing.partner_account.updated.v1; an event older than the last one applied changes nothing.
 * A partner billing knows before bundling does gets a placeholder row that partners' events
 * (all newer than the epoch it carries) fill in.
 */
export async function applyPayoutReadiness(
  db: Executor,
  facts: { partnerId: string; ready: boolean; at: Date },
): Promise<void> {
  await db
    .insert(partners)
    .values({
      id: facts.partnerId,
      name: '',
      type: '',
      status: 'draft',
      verified: false,
      updatedAt: new Date(0),
      payoutsReady: facts.ready,
      payoutsUpdatedAt: facts.at,
    })
    .onConflictDoUpdate({
      target: partners.id,
      set: { payoutsReady: sql`excluded.payouts_ready`, payoutsUpdatedAt: sql`excluded.payouts_updated_at` },
      setWhere: sql`${partners.payoutsUpdatedAt} IS NULL OR excluded.payouts_updated_at >= ${partners.payoutsUpdatedAt}`,
    });
}

/** Of `partnerIds`, those whose Stripe account cannot receive payouts yet (unknown ones included). */
export async function partnersNotPayoutReady(db: Executor, partnerIds: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(partnerIds)];
  if (wanted.length === 0) return [];
  const ready = await db
    .select({ id: partners.id })
    .from(partners)
    .where(and(inArray(partners.id, wanted), eq(partners.payoutsReady, true)));
  const readyIds = new Set(ready.map((row) => row.id));
  return wanted.filter((id) => !readyIds.has(id));
}
