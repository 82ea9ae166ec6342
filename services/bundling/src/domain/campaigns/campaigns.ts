import { randomUUID } from 'node:crypto';
import type {
  CampaignStats,
  CampaignView,
  CreateCampaignInput,
  Locale,
  UpdateCampaignInput,
} from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import {
  appendCampaignAudit,
  campaignDays,
  findCampaign,
  findCampaignTarget,
  insertCampaign,
  listCampaigns,
  updateCampaignRow,
  type CampaignRow,
  type NewCampaignRow,
} from '../../db/campaigns.repository.ts';
import { partnerNotVerified } from '../bundling-errors.ts';
import { callerPartner, type CallerPartner } from '../caller-partner.ts';
import type { BundlingContext } from '../context.ts';
import { campaignDay } from './campaign-day.ts';
import {
  campaignBudgetBelowCpc,
  campaignDatesInvalid,
  campaignEnded,
  campaignNotFound,
  campaignNotPausable,
  campaignTargetNotFound,
  campaignTargetNotPublished,
  campaignTargetingRequired,
} from './campaign-errors.ts';
import { toCampaignView } from './campaign-view.ts';

type Ctx = Pick<BundlingContext, 'db'>;
const REGION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/i;

/** Region codes upper case ("it-32" → "IT-32"), place names lower case; no duplicates. */
export function normaliseDestinations(values: readonly string[]): string[] {
  const out = values.map((v) => (REGION_CODE.test(v) ? v.toUpperCase() : v.toLowerCase()));
  return [...new Set(out)];
}
const normaliseKeywords = (values: readonly string[]) => [...new Set(values.map((v) => v.toLowerCase()))];

/** A partner acting on campaigns: a writer (owner or manager) of a verified partner. */
async function verifiedWriter(ctx: Ctx, userId: string): Promise<CallerPartner> {
  const partner = await callerPartner(ctx.db, userId, { write: true });
  if (!partner.verified || partner.status !== 'verified') throw partnerNotVerified();
  return partner;
}

function checkMoneyAndDates(
  c: Pick<CampaignRow, 'cpcMinor' | 'dailyBudgetMinor' | 'startsOn' | 'endsOn'>,
  today: string,
  datesChanged: boolean,
): void {
  if (c.dailyBudgetMinor < c.cpcMinor) throw campaignBudgetBelowCpc();
  if (c.endsOn < c.startsOn || (datesChanged && c.endsOn < today)) throw campaignDatesInvalid();
}

async function viewOf(ctx: Ctx, id: string, lang: Locale, now: Date): Promise<CampaignView> {
  const today = campaignDay(now);
  const [row] = await listCampaigns(ctx.db, { ids: [id] }, lang, today);
  if (!row) throw campaignNotFound();
  return toCampaignView(row, today);
}

/** POST /api/campaigns: a campaign for one of the caller's partner's published targets, pending review. */
export async function createCampaign(
  ctx: Ctx,
  userId: string,
  input: CreateCampaignInput,
  lang: Locale = 'en',
  now = new Date(),
): Promise<CampaignView> {
  const partner = await verifiedWriter(ctx, userId);
  const today = campaignDay(now);
  checkMoneyAndDates(input, today, true);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const target = await findCampaignTarget(tx, input.targetKind, input.targetId);
    // Another partner's target answers as a missing one: no probing of ids.
    if (!target || target.partnerId !== partner.partnerId) throw campaignTargetNotFound();
    if (target.status !== 'published') throw campaignTargetNotPublished();
    const row: NewCampaignRow = {
      id,
      partnerId: partner.partnerId,
      targetKind: input.targetKind,
      targetId: input.targetId,
      title: input.title || null,
      keywords: normaliseKeywords(input.keywords),
      destinations: normaliseDestinations(input.destinations),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      cpcMinor: input.cpcMinor,
      dailyBudgetMinor: input.dailyBudgetMinor,
      currency: target.currency,
      status: 'pending_review',
    };
    await insertCampaign(tx, row);
    await appendCampaignAudit(tx, {
      action: 'campaign.created',
      entityType: 'campaign',
      entityId: id,
      actorId: userId,
      actorRole: 'partner',
      data: {
        partnerId: partner.partnerId,
        targetKind: input.targetKind,
        targetId: input.targetId,
        cpcMinor: input.cpcMinor,
        dailyBudgetMinor: input.dailyBudgetMinor,
        currency: target.currency,
      },
    });
  });
  return viewOf(ctx, id, lang, now);
}

/** GET /api/campaigns/mine: the caller's partner's campaigns with today's and all-time counters. */
export async function listMyCampaigns(
  ctx: Ctx,
  userId: string,
  lang: Locale = 'en',
  now = new Date(),
): Promise<{ items: CampaignView[] }> {
  const partner = await callerPartner(ctx.db, userId);
  const today = campaignDay(now);
  const rows = await listCampaigns(ctx.db, { partnerId: partner.partnerId }, lang, today);
  return { items: rows.map((row) => toCampaignView(row, today)) };
}

/** The caller's partner's campaign, or campaign_not_found (also for another partner's). */
async function ownCampaign(db: Executor, partnerId: string, id: string, lock = false) {
  const row = await findCampaign(db, id, { lock });
  if (!row || row.partnerId !== partnerId) throw campaignNotFound();
  return row;
}

/** The status after a pause / resume request (a no-op request keeps it). */
function nextStatus(row: CampaignRow, paused: boolean | undefined): CampaignRow['status'] {
  if (paused === undefined) return row.status;
  if (paused && row.status === 'approved') return 'paused';
  if (!paused && row.status === 'paused') return 'approved';
  if ((paused && row.status === 'paused') || (!paused && row.status === 'approved')) return row.status;
  throw campaignNotPausable();
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * PATCH /api/campaigns/:id: pause / resume, budget, price and dates in place; a change of what
 * it targets (keywords, destinations, title) goes back to the admin's review.
 */
export async function updateCampaign(
  ctx: Ctx,
  userId: string,
  id: string,
  input: UpdateCampaignInput,
  lang: Locale = 'en',
  now = new Date(),
): Promise<CampaignView> {
  const partner = await verifiedWriter(ctx, userId);
  const today = campaignDay(now);
  await ctx.db.transaction(async (tx) => {
    const row = await ownCampaign(tx, partner.partnerId, id, true);
    if (row.status === 'ended') throw campaignEnded();
    const keywords = input.keywords ? normaliseKeywords(input.keywords) : row.keywords;
    const destinations = input.destinations ? normaliseDestinations(input.destinations) : row.destinations;
    const title = input.title !== undefined ? input.title || null : row.title;
    const retargeted =
      !sameList(keywords, row.keywords) || !sameList(destinations, row.destinations) || title !== row.title;
    const next = {
      cpcMinor: input.cpcMinor ?? row.cpcMinor,
      dailyBudgetMinor: input.dailyBudgetMinor ?? row.dailyBudgetMinor,
      startsOn: input.startsOn ?? row.startsOn,
      endsOn: input.endsOn ?? row.endsOn,
    };
    if (keywords.length + destinations.length === 0) throw campaignTargetingRequired();
    checkMoneyAndDates(next, today, input.startsOn !== undefined || input.endsOn !== undefined);
    let status = nextStatus(row, input.paused);
    // A rejected campaign edited is resubmitted; a retargeted one is reviewed again.
    if (retargeted || row.status === 'rejected') status = 'pending_review';
    await updateCampaignRow(tx, id, { ...next, keywords, destinations, title, status });
    await appendCampaignAudit(tx, {
      action: 'campaign.updated',
      entityType: 'campaign',
      entityId: id,
      actorId: userId,
      actorRole: 'partner',
      data: { partnerId: partner.partnerId, from: row.status, to: status, ...next, retargeted },
    });
  });
  return viewOf(ctx, id, lang, now);
}

/** GET /api/campaigns/:id/stats: the caller's partner's campaign, per day of from..to. */
export async function campaignStats(
  ctx: Ctx,
  userId: string,
  id: string,
  range: { from: string; to: string },
): Promise<CampaignStats> {
  const partner = await callerPartner(ctx.db, userId);
  const row = await ownCampaign(ctx.db, partner.partnerId, id);
  return { campaignId: id, currency: row.currency, days: await campaignDays(ctx.db, id, range.from, range.to) };
}
