import type { UpdateCampaignInput } from '@contracts/http';
import type { CreateCampaignBody } from '../../../api/campaigns-api.ts';
import { toMinor } from '../catalogue/money.ts';

/** The campaign form as typed: amounts as decimal text in the target's currency, lists comma-separated. */
export interface CampaignDraft {
  target: string;
  title: string;
  keywords: string;
  destinations: string;
  startsOn: string;
  endsOn: string;
  cpc: string;
  dailyBudget: string;
}

export type DraftErrors = Partial<Record<keyof CampaignDraft, string[]>>;

/** "hike, Garda ,lake" → ['hike', 'garda', 'lake'] (lower case, no blanks or repeats). */
export function splitList(text: string, lower = true): string[] {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (lower ? part.toLowerCase() : part));
  return [...new Set(parts)];
}

/**
 * The body for POST /api/campaigns, or the field errors (codes the errors namespace translates)
 * the service would answer too: a target, something to target, a CPC above zero, a budget that
 * pays for one click, an end on or after the start.
 */
export function campaignBody(
  draft: CampaignDraft,
  currency: string | null,
  today: string,
): { body: CreateCampaignBody } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const [kind, id] = draft.target.split(':') as ['package' | 'item', string | undefined];
  if (!id || !currency) errors.target = ['campaign_target_required'];
  const keywords = splitList(draft.keywords);
  const destinations = splitList(draft.destinations, false);
  if (keywords.length + destinations.length === 0) errors.keywords = ['targeting_required'];
  const cpc = currency ? toMinor(draft.cpc, currency) : null;
  const budget = currency ? toMinor(draft.dailyBudget, currency) : null;
  if (cpc === null || cpc <= 0) errors.cpc = ['cpc_too_low'];
  if (budget === null || budget <= 0) errors.dailyBudget = ['invalid_amount'];
  else if (cpc !== null && budget < cpc) errors.dailyBudget = ['campaign_budget_below_cpc'];
  if (!draft.startsOn) errors.startsOn = ['invalid_date'];
  if (!draft.endsOn) errors.endsOn = ['invalid_date'];
  else if (draft.endsOn < draft.startsOn || draft.endsOn < today) errors.endsOn = ['campaign_dates_invalid'];
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      targetKind: kind,
      targetId: id!,
      ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
      keywords,
      destinations,
      startsOn: draft.startsOn,
      endsOn: draft.endsOn,
      cpcMinor: cpc!,
      dailyBudgetMinor: budget!,
    },
  };
}

/** Today as yyyy-mm-dd in the visitor's calendar (the form's default start). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDaysText(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A running campaign's edit as typed: money as decimal text, lists comma-separated. */
export type CampaignEditDraft = Pick<CampaignDraft, 'keywords' | 'destinations' | 'endsOn' | 'cpc' | 'dailyBudget'>;
export type EditErrors = Partial<Record<keyof CampaignEditDraft, string[]>>;

interface EditedCampaign {
  keywords: string[];
  destinations: string[];
  endsOn: string;
  startsOn: string;
  cpcMinor: number;
  dailyBudgetMinor: number;
  currency: string;
}

const sameTerms = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Whether the edit changes what the campaign targets (the service sends it back to review then). */
export function retargets(draft: CampaignEditDraft, campaign: EditedCampaign): boolean {
  return (
    !sameTerms(splitList(draft.keywords), campaign.keywords) ||
    !sameTerms(
      splitList(draft.destinations, false).map((d) => d.toLowerCase()),
      campaign.destinations.map((d) => d.toLowerCase()),
    )
  );
}

/**
 * The PATCH body with only what changed, or the field errors (codes the errors namespace
 * translates) the service would answer too. An unchanged last day is not sent (a campaign whose
 * last day is today or past may still change its budget).
 */
export function campaignEditBody(
  draft: CampaignEditDraft,
  campaign: EditedCampaign,
  today: string,
): { body: UpdateCampaignInput } | { errors: EditErrors } {
  const errors: EditErrors = {};
  const keywords = splitList(draft.keywords);
  const destinations = splitList(draft.destinations, false);
  if (keywords.length + destinations.length === 0) errors.keywords = ['targeting_required'];
  const cpc = toMinor(draft.cpc, campaign.currency);
  const budget = toMinor(draft.dailyBudget, campaign.currency);
  if (cpc === null || cpc <= 0) errors.cpc = ['cpc_too_low'];
  else if (cpc > 100_000) errors.cpc = ['cpc_too_high'];
  if (budget === null || budget <= 0) errors.dailyBudget = ['invalid_amount'];
  else if (budget > 10_000_000) errors.dailyBudget = ['budget_too_high'];
  else if (cpc !== null && budget < cpc) errors.dailyBudget = ['campaign_budget_below_cpc'];
  const endsChanged = draft.endsOn !== campaign.endsOn;
  if (!draft.endsOn) errors.endsOn = ['invalid_date'];
  else if (endsChanged && (draft.endsOn < campaign.startsOn || draft.endsOn < today))
    errors.endsOn = ['campaign_dates_invalid'];
  if (Object.keys(errors).length > 0) return { errors };
  const body: UpdateCampaignInput = {};
  if (cpc !== campaign.cpcMinor) body.cpcMinor = cpc!;
  if (budget !== campaign.dailyBudgetMinor) body.dailyBudgetMinor = budget!;
  if (endsChanged) body.endsOn = draft.endsOn;
  if (retargets(draft, campaign)) {
    body.keywords = keywords;
    body.destinations = destinations;
  }
  return { body };
}
