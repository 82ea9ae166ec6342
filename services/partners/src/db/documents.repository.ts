import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DocumentKind } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import { documents } from './schema.ts';

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = Omit<DocumentRow, 'uploadedAt'>;

export async function insertDocument(executor: Executor, document: NewDocument): Promise<DocumentRow> {
  const [row] = await executor.insert(documents).values(document).returning();
  if (!row) throw new Error(`document ${document.id} was not inserted`);
  return row;
}

export async function listDocuments(executor: Executor, partnerId: string): Promise<DocumentRow[]> {
  return executor.select().from(documents).where(eq(documents.partnerId, partnerId)).orderBy(asc(documents.uploadedAt));
}

/** One of the partner's documents; undefined for another partner's id. */
export async function findDocument(
  executor: Executor,
  partnerId: string,
  id: string,
): Promise<DocumentRow | undefined> {
  const [row] = await executor
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), eq(documents.partnerId, partnerId)));
  return row;
}

export async function deleteDocument(
  executor: Executor,
  partnerId: string,
  id: string,
): Promise<DocumentRow | undefined> {
  const [row] = await executor
    .delete(documents)
    .where(and(eq(documents.id, id), eq(documents.partnerId, partnerId)))
    .returning();
  return row;
}

/** Removes every document row of a partner and answers them (their files go next). */
export async function deleteDocumentsOf(executor: Executor, partnerId: string): Promise<DocumentRow[]> {
  return executor.delete(documents).where(eq(documents.partnerId, partnerId)).returning();
}

/** The kinds the partner has uploaded at least once. */
export async function uploadedKinds(executor: Executor, partnerId: string): Promise<DocumentKind[]> {
  const rows = await executor
    .selectDistinct({ kind: documents.kind })
    .from(documents)
    .where(eq(documents.partnerId, partnerId));
  return rows.map((row) => row.kind);
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

/** Documents per partner for a page of partners, in one grouped query. */
export async function documentCounts(executor: Executor, partnerIds: string[]): Promise<Map<string, number>> {
  if (!partnerIds.length) return new Map();
  const rows = await executor
    .select({ partnerId: documents.partnerId, n: count() })
    .from(documents)
    .where(inArray(documents.partnerId, partnerIds))
    .groupBy(documents.partnerId);
  return new Map(rows.map((row) => [row.partnerId, row.n]));
}
