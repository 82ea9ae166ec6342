import type { Tx } from '@tourconnect/db';
import { appendConnectAudit } from '../db/accounts.repository.ts';
import { removePartnerMembers } from '../db/members.repository.ts';
import { anonymisePartner, countPartnerMoneyRecords } from '../db/partners.repository.ts';
import type { BillingContext } from './context.ts';

export interface ErasureRequest {
  partnerId: string;
  requestId: string;
  requestedByUserId: string;
  /** The event's occurredAt. */
  at: Date;
  correlationId?: string | null | undefined;
}

/**
 * A partner asked to be erased (GDPR). Billing deletes its members projection (who acted for
 * the partner) and removes the partner's name; the legal name, VAT id and country stay only when
 * an issued invoice needs them. Money records — splits, ledger, transfers, payouts, invoices and
 * the Connect account row — are kept for legal retention (they carry ids and amounts, no personal
 * data) and counted as anonymised. Confirmed to partners with billing.partner_data.erased.v1.
 * Safe to run twice: the second run deletes nothing more and confirms again.
 */
export async function erasePartnerData(ctx: BillingContext, tx: Tx, request: ErasureRequest) {
  const { partnerId, requestId } = request;
  const deletedMembers = await removePartnerMembers(tx, partnerId);
  const kept = await countPartnerMoneyRecords(tx, partnerId);
  const partnerRow = await anonymisePartner(tx, partnerId, { keepInvoiceDetails: kept.invoices > 0, at: request.at });
  const counts = { deletedRecords: deletedMembers, anonymisedRecords: (partnerRow ? 1 : 0) + kept.total };
  await ctx.publish(
    tx,
    'billing.partner_data.erased.v1',
    { partnerId, requestId, service: 'billing', ...counts },
    { audience: [request.requestedByUserId], correlationId: request.correlationId },
  );
  await appendConnectAudit(tx, {
    action: 'partner_data.erased',
    entityType: 'partner',
    entityId: partnerId,
    actorRole: 'system',
    data: { requestId, ...counts, moneyRecordsKept: kept.total },
    correlationId: request.correlationId ?? null,
  });
  return counts;
}
