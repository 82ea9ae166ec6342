import { createHash, randomUUID } from 'node:crypto';
import { timestampFromDate } from '@tourconnect/contracts';
import { chargeDailySpend, findCampaign, insertClickOnce, markClickCharged } from '../../db/campaigns.repository.ts';
import { findMembership } from '../../db/members.repository.ts';
import type { BundlingContext } from '../context.ts';
import { campaignDay } from './campaign-day.ts';
import { campaignNotFound } from './campaign-errors.ts';

/** Who clicked: a signed-in traveller by user id, anyone else by the portal's visitor id. */
export interface ClickVisitor {
  userId?: string | undefined;
  visitorId: string;
}

/** The stored key: a hash of the visitor and the day, so no raw identifier is kept. */
export function visitorKeyOf(visitor: ClickVisitor, day: string): string {
  const who = visitor.userId ? `user:${visitor.userId}` : `visitor:${visitor.visitorId}`;
  return createHash('sha256').update(`${who}|${day}`).digest('hex');
}

/**
 * POST /api/campaigns/:id/click. A visitor's first click of the day on a running campaign costs
 * the partner its CPC while the day's spend stays within the budget (one conditional upsert);
 * then bundling.campaign.click_charged.v1 goes to the outbox in the same transaction, for
 * billing. A repeated click the same day, a click past the budget or on a campaign not running
 * today is recorded at most once and charges nothing; so is a click by a member of the
 * campaign's own partner (checking their own listing must not cost them).
 */
export async function recordCampaignClick(
  ctx: Pick<BundlingContext, 'db' | 'publish'>,
  campaignId: string,
  visitor: ClickVisitor,
  now = new Date(),
): Promise<{ charged: boolean }> {
  const day = campaignDay(now);
  return ctx.db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    if (!campaign) throw campaignNotFound();
    const clickId = randomUUID();
    const first = await insertClickOnce(tx, { id: clickId, campaignId, visitorKey: visitorKeyOf(visitor, day), day });
    const running = campaign.status === 'approved' && campaign.startsOn <= day && day <= campaign.endsOn;
    if (!first || !running) return { charged: false };
    const member = visitor.userId ? await findMembership(tx, visitor.userId) : undefined;
    if (member?.partnerId === campaign.partnerId) return { charged: false };
    const charged = await chargeDailySpend(tx, {
      campaignId,
      day,
      cpcMinor: campaign.cpcMinor,
      dailyBudgetMinor: campaign.dailyBudgetMinor,
    });
    if (!charged) return { charged: false };
    await markClickCharged(tx, clickId, campaign.cpcMinor);
    await ctx.publish(tx, 'bundling.campaign.click_charged.v1', {
      clickId,
      campaignId,
      partnerId: campaign.partnerId,
      amountMinor: BigInt(campaign.cpcMinor),
      currency: campaign.currency,
      chargedAt: timestampFromDate(now),
    });
    return { charged: true };
  });
}
