import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { deletionConfirmations, deletionRequests } from './schema.ts';

/** A GDPR erasure of one partner, and each holder service's confirmation line under it. */
export type DeletionRequestRow = typeof deletionRequests.$inferSelect;
export type DeletionConfirmationRow = typeof deletionConfirmations.$inferSelect;

export interface NewDeletionRequest {
  id: string;
  partnerId: string;
  partnerName: string;
  requestedBy: string;
  /** Every service that must confirm, the partners service's own line included. */
  services: readonly string[];
}

export async function insertDeletionRequest(executor: Executor, request: NewDeletionRequest): Promise<void> {
  const { services, ...row } = request;
  await executor.insert(deletionRequests).values(row);
  await executor.insert(deletionConfirmations).values(services.map((service) => ({ requestId: row.id, service })));
}

export async function findDeletionRequest(
  executor: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<DeletionRequestRow | undefined> {
  const query = executor.select().from(deletionRequests).where(eq(deletionRequests.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** The requester's most recent request (also once the partner is gone). */
export async function latestDeletionRequestBy(
  executor: Executor,
  userId: string,
): Promise<DeletionRequestRow | undefined> {
  const [row] = await executor
    .select()
    .from(deletionRequests)
    .where(eq(deletionRequests.requestedBy, userId))
    .orderBy(desc(deletionRequests.requestedAt))
    .limit(1);
  return row;
}

export async function deletionRequestsOf(executor: Executor, partnerId: string): Promise<DeletionRequestRow[]> {
  return executor.select().from(deletionRequests).where(eq(deletionRequests.partnerId, partnerId));
}

export async function listConfirmations(executor: Executor, requestId: string): Promise<DeletionConfirmationRow[]> {
  return executor
    .select()
    .from(deletionConfirmations)
    .where(eq(deletionConfirmations.requestId, requestId))
    .orderBy(asc(deletionConfirmations.service));
}

export interface ErasureCounts {
  deletedRecords: number;
  anonymisedRecords: number;
}

/** Marks one service's line confirmed; a line already confirmed keeps its first answer. */
export async function confirmErasure(
  executor: Executor,
  requestId: string,
  service: string,
  counts: ErasureCounts,
  at: Date,
): Promise<void> {
  await executor
    .update(deletionConfirmations)
    .set({ status: 'confirmed', confirmedAt: at, ...counts })
    .where(
      and(
        eq(deletionConfirmations.requestId, requestId),
        eq(deletionConfirmations.service, service),
        eq(deletionConfirmations.status, 'pending'),
      ),
    );
}

/** The services that have not confirmed yet. */
export async function pendingServices(executor: Executor, requestId: string): Promise<string[]> {
  const rows = await executor
    .select({ service: deletionConfirmations.service })
    .from(deletionConfirmations)
    .where(and(eq(deletionConfirmations.requestId, requestId), eq(deletionConfirmations.status, 'pending')));
  return rows.map((row) => row.service);
}

/** Done: the name shown to the requester while it ran is cleared. */
export async function completeDeletionRequest(executor: Executor, requestId: string, at: Date): Promise<void> {
  await executor
    .update(deletionRequests)
    .set({ status: 'completed', completedAt: at, partnerName: '' })
    .where(eq(deletionRequests.id, requestId));
}
