import {
  requiredDocuments,
  type AdminPartnerDetail,
  type AdminPartnerSummary,
  type Page,
  type PartnerStatus,
} from '@tourconnect/contracts/http';
import { partnerHistory } from '../db/audit-log.repository.ts';
import { documentCounts, listDocuments } from '../db/documents.repository.ts';
import { findPartner, listPartners } from '../db/partners.repository.ts';
import { runAutomatedChecks } from './automated-checks.ts';
import type { PartnersContext } from './context.ts';
import { slotsOf } from './membership.ts';
import { publicPartnerNotFound } from './partners-errors.ts';
import { toDocument, toPartner } from './partner-view.ts';

/** The review queue: oldest submission first, so nobody waits behind newcomers. */
export async function reviewQueue(
  ctx: PartnersContext,
  query: { status: PartnerStatus; page: number; pageSize: number },
): Promise<Page<AdminPartnerSummary>> {
  const { rows, total } = await listPartners(ctx.db, { statuses: [query.status], ...query }, 'queue');
  // One grouped count for the page instead of one query per row.
  const counts = await documentCounts(
    ctx.db,
    rows.map((row) => row.id),
  );
  const items = await Promise.all(
    rows.map(async (row) => ({
      partner: toPartner(row),
      documentCount: counts.get(row.id) ?? 0,
      checks: await runAutomatedChecks(ctx.db, row, 'admin'),
    })),
  );
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/** One partner as the admin reviews it: documents, checks and the audited history. */
export async function adminPartnerDetail(ctx: PartnersContext, partnerId: string): Promise<AdminPartnerDetail> {
  const partner = await findPartner(ctx.db, partnerId);
  if (!partner) throw publicPartnerNotFound();
  const [docs, checks, history] = await Promise.all([
    listDocuments(ctx.db, partnerId),
    runAutomatedChecks(ctx.db, partner, 'admin'),
    partnerHistory(ctx.db, partnerId, 100),
  ]);
  return {
    partner: toPartner(partner),
    requiredDocuments: [...requiredDocuments[partner.type]],
    documentSlots: slotsOf(partner.type),
    documents: docs.map(toDocument),
    checks,
    history: history.map((entry) => ({
      action: entry.action,
      actorId: entry.actorId,
      occurredAt: entry.occurredAt.toISOString(),
      data: entry.data ?? {},
    })),
  };
}
