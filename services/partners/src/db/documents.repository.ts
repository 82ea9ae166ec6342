import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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

/** A document of this partner and another document (here or at another partner) with the same bytes. */
export interface DuplicatePair {
  id: string;
  kind: DocumentKind;
  otherId: string;
  otherKind: DocumentKind;
  otherPartnerId: string;
}

/**
 * The partner's documents whose bytes appear again, each with where: oldest upload first, at
 * most `limit` pairs (a blank form uploaded by many partners must not make this unbounded).
 */
export async function duplicateDocuments(executor: Executor, partnerId: string, limit = 100): Promise<DuplicatePair[]> {
  const other = alias(documents, 'other');
  return executor
    .select({
      id: documents.id,
      kind: documents.kind,
      otherId: other.id,
      otherKind: other.kind,
      otherPartnerId: other.partnerId,
    })
    .from(documents)
    .innerJoin(other, and(eq(other.sha256, documents.sha256), ne(other.id, documents.id)))
    .where(eq(documents.partnerId, partnerId))
    .orderBy(asc(documents.uploadedAt), asc(documents.id), asc(other.uploadedAt), asc(other.id))
    .limit(limit);
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
