import type { Tx } from '@tourconnect/db';
import {
  deletePartnerImages,
  erasePartnerCampaigns,
  erasePartnerItems,
  erasePartnerPackages,
  partnerImageKeys,
} from '../db/partner-erasure.repository.ts';
import type { BundlingContext } from './context.ts';
import { recordPartnerStatus } from './partner-projection.ts';

export interface ErasureRequest {
  partnerId: string;
  requestId: string;
  requestedByUserId: string;
  /** The event's occurredAt. */
  at: Date;
  correlationId?: string | null | undefined;
}

/**
 * A partner asked to be erased (GDPR): nothing of it is sold any more, its images (rows and
 * bytes) go, its packages and items are deleted — except those a booking or another partner's
 * package still names, which stay archived and without their texts, so financial records stay
 * whole (bookings themselves carry no partner personal data and are kept). Its sponsored
 * campaigns go with their daily figures and clicks (billing keeps the charged spend). Confirmed
 * to partners with bundling.partner_data.erased.v1 and the counts. Safe to run twice: nothing is
 * left the second time.
 */
export async function erasePartnerData(ctx: BundlingContext, tx: Tx, request: ErasureRequest) {
  const { partnerId, requestId } = request;
  await recordPartnerStatus(tx, { partnerId, status: 'deletion_requested', at: request.at });
  const keys = await partnerImageKeys(tx, partnerId);
  const imagesDeleted = await deletePartnerImages(tx, partnerId);
  // Campaigns first: they promote the packages and items below (no row of theirs is kept).
  const campaigns = await erasePartnerCampaigns(tx, partnerId);
  // Packages next: deleting them frees the items only they named.
  const packages = await erasePartnerPackages(tx, partnerId);
  const items = await erasePartnerItems(tx, partnerId);
  // The bytes go now (deleting is idempotent); should the transaction fail, the retry finds the
  // rows again and deletes nothing twice.
  for (const key of keys) await ctx.store.delete(key);
  const counts = {
    deletedRecords:
      imagesDeleted + campaigns.campaigns + campaigns.spendDays + campaigns.clicks + packages.deleted + items.deleted,
    anonymisedRecords: packages.kept + items.kept,
  };
  await ctx.publish(
    tx,
    'bundling.partner_data.erased.v1',
    { partnerId, requestId, service: 'bundling', ...counts },
    { audience: [request.requestedByUserId], correlationId: request.correlationId },
  );
  return counts;
}
