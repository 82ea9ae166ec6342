import type { AdminCampaign, CampaignStatus, Locale } from '@tourconnect/contracts/http';
import { appendCampaignAudit, findCampaign, listCampaigns, updateCampaignRow } from '../../db/campaigns.repository.ts';
import type { BundlingContext } from '../context.ts';
import { campaignDay } from './campaign-day.ts';
import { campaignNotFound, campaignNotPending } from './campaign-errors.ts';
import { toAdminCampaign } from './campaign-view.ts';

type Ctx = Pick<BundlingContext, 'db'>;

/** GET /api/admin/campaigns?status=: the review queue (pending first by default), with partner names. */
export async function campaignsForReview(
  ctx: Ctx,
  status: CampaignStatus,
  lang: Locale = 'en',
  now = new Date(),
): Promise<{ items: AdminCampaign[] }> {
  const today = campaignDay(now);
  const rows = await listCampaigns(ctx.db, { status }, lang, today);
  return { items: rows.map((row) => toAdminCampaign(row, today)) };
}

/**
 * The admin's decision on a pending campaign, audited in the same transaction. A campaign
 * already decided answers campaign_not_pending (a second click, or two admins at once: the row
 * lock makes the second see the first's decision).
 */
export async function reviewCampaign(
  ctx: Ctx,
  adminId: string,
  id: string,
  decision: { approve: true } | { approve: false; reason: string },
  lang: Locale = 'en',
  now = new Date(),
): Promise<AdminCampaign> {
  await ctx.db.transaction(async (tx) => {
    const row = await findCampaign(tx, id, { lock: true });
    if (!row) throw campaignNotFound();
    if (row.status !== 'pending_review') throw campaignNotPending();
    const status = decision.approve ? 'approved' : 'rejected';
    const reason = decision.approve ? null : decision.reason;
    await updateCampaignRow(tx, id, { status, reviewReason: reason, reviewedBy: adminId, reviewedAt: now });
    await appendCampaignAudit(tx, {
      action: decision.approve ? 'campaign.approved' : 'campaign.rejected',
      entityType: 'campaign',
      entityId: id,
      actorId: adminId,
      actorRole: 'admin',
      data: { partnerId: row.partnerId, targetKind: row.targetKind, targetId: row.targetId, reason },
    });
  });
  const today = campaignDay(now);
  const [row] = await listCampaigns(ctx.db, { ids: [id] }, lang, today);
  if (!row) throw campaignNotFound();
  return toAdminCampaign(row, today);
}
