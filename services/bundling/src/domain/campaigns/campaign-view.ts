import type { AdminCampaign, CampaignView } from '@tourconnect/contracts/http';
import type { CampaignListRow } from '../../db/campaigns.repository.ts';

/** Approved or paused past its last day: shown as ended (it can run again only with new dates). */
export function shownStatus(row: Pick<CampaignListRow, 'status' | 'endsOn'>, today: string): CampaignListRow['status'] {
  if ((row.status === 'approved' || row.status === 'paused') && row.endsOn < today) return 'ended';
  return row.status;
}

/** A campaign as the partner sees it: its settings and today's and all-time counters. */
export function toCampaignView(row: CampaignListRow, today: string): CampaignView {
  return {
    id: row.id,
    partnerId: row.partnerId,
    targetKind: row.targetKind,
    targetId: row.targetId,
    targetTitle: row.targetTitle,
    title: row.title,
    keywords: row.keywords,
    destinations: row.destinations,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    cpcMinor: row.cpcMinor,
    dailyBudgetMinor: row.dailyBudgetMinor,
    currency: row.currency,
    status: shownStatus(row, today),
    reviewReason: row.reviewReason,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    today: {
      day: today,
      ...row.today,
      remainingMinor: Math.max(0, row.dailyBudgetMinor - row.today.spentMinor),
    },
    total: row.total,
  };
}

export const toAdminCampaign = (row: CampaignListRow, today: string): AdminCampaign => ({
  ...toCampaignView(row, today),
  partnerName: row.partnerName,
});
