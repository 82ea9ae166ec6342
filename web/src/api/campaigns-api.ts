import {
  adminCampaignListSchema,
  adminCampaignSchema,
  campaignClickResultSchema,
  campaignListSchema,
  campaignStatsSchema,
  campaignViewSchema,
  type AdminCampaign,
  type CampaignStats,
  type CampaignStatus,
  type CampaignView,
  type CreateCampaignInput,
  type Locale,
  type UpdateCampaignInput,
} from '@contracts/http';
import { apiRequest } from './http-client.ts';

/**
 * Sponsored placement (services/bundling, README "Sponsored placement"): a partner's campaigns,
 * the admin's review queue and the click a sponsored card reports. Amounts are minor units of
 * the promoted package's or item's currency.
 */

const id = (value: string) => encodeURIComponent(value);
const langQuery = (lang?: Locale) => (lang ? `?lang=${lang}` : '');

export type CreateCampaignBody = Omit<CreateCampaignInput, 'title'> & { title?: string };

export function listMyCampaigns(lang?: Locale, signal?: AbortSignal): Promise<{ items: CampaignView[] }> {
  return apiRequest(`/api/campaigns/mine${langQuery(lang)}`, { signal, schema: campaignListSchema });
}

export function createCampaign(body: CreateCampaignBody, lang?: Locale): Promise<CampaignView> {
  return apiRequest(`/api/campaigns${langQuery(lang)}`, { method: 'POST', body, schema: campaignViewSchema });
}

export function updateCampaign(campaignId: string, body: UpdateCampaignInput, lang?: Locale): Promise<CampaignView> {
  return apiRequest(`/api/campaigns/${id(campaignId)}${langQuery(lang)}`, {
    method: 'PATCH',
    body,
    schema: campaignViewSchema,
  });
}

export function getCampaignStats(
  campaignId: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<CampaignStats> {
  return apiRequest(`/api/campaigns/${id(campaignId)}/stats?from=${from}&to=${to}`, {
    signal,
    schema: campaignStatsSchema,
  });
}

export function listCampaignsForReview(
  status: CampaignStatus,
  lang?: Locale,
  signal?: AbortSignal,
): Promise<{ items: AdminCampaign[] }> {
  const query = new URLSearchParams({ status, ...(lang ? { lang } : {}) });
  return apiRequest(`/api/admin/campaigns?${query}`, { signal, schema: adminCampaignListSchema });
}

export function approveCampaign(campaignId: string): Promise<AdminCampaign> {
  return apiRequest(`/api/admin/campaigns/${id(campaignId)}/approve`, { method: 'POST', schema: adminCampaignSchema });
}

export function rejectCampaign(campaignId: string, reason: string): Promise<AdminCampaign> {
  return apiRequest(`/api/admin/campaigns/${id(campaignId)}/reject`, {
    method: 'POST',
    body: { reason },
    schema: adminCampaignSchema,
  });
}

const VISITOR_KEY = 'tourconnect.visitor';

/** This browser's random visitor id (kept in localStorage): a sponsored click counts once a day per visitor. */
export function visitorId(): string {
  try {
    const stored = localStorage.getItem(VISITOR_KEY);
    if (stored && /^[A-Za-z0-9_-]{8,128}$/.test(stored)) return stored;
    const fresh = crypto.randomUUID();
    localStorage.setItem(VISITOR_KEY, fresh);
    return fresh;
  } catch {
    return crypto.randomUUID();
  }
}

/** A traveller opened a sponsored result: reported without waiting, a failure ignored (never blocks the visit). */
export function reportSponsoredClick(campaignId: string): void {
  void apiRequest(`/api/campaigns/${id(campaignId)}/click`, {
    method: 'POST',
    body: { visitorId: visitorId() },
    schema: campaignClickResultSchema,
  }).catch(() => undefined);
}
