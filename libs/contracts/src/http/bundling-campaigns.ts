import { z } from 'zod';
import { isoDateSchema } from './bundling.ts';

// Sponsored placement (bundling, issue 13): a verified partner's campaigns for its own published
// packages and items, the admin's review queue, and the click a traveller's portal reports.

export const campaignStatuses = ['pending_review', 'approved', 'rejected', 'paused', 'ended'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export const campaignTargetKinds = ['package', 'item'] as const;

/** Lower case, 2–40 characters; the portal sends what the partner typed. */
const keywordSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, { message: 'keyword_too_short' })
  .max(40, { message: 'keyword_too_long' });
/** A region code ("IT-32", "IT") or a place name ("Riva del Garda"). */
const destinationSchema = z
  .string()
  .trim()
  .min(2, { message: 'destination_too_short' })
  .max(80, { message: 'destination_too_long' });

/** A click's price and a day's budget, in the target's currency's minor units. */
const cpcSchema = z
  .number({ message: 'invalid_amount' })
  .int({ message: 'invalid_amount' })
  .min(1, { message: 'cpc_too_low' })
  .max(100_000, { message: 'cpc_too_high' });
const dailyBudgetSchema = z
  .number({ message: 'invalid_amount' })
  .int({ message: 'invalid_amount' })
  .min(1, { message: 'invalid_amount' })
  .max(10_000_000, { message: 'budget_too_high' });

const keywordsSchema = z.array(keywordSchema).max(20, { message: 'too_many_keywords' });
const destinationsSchema = z.array(destinationSchema).max(20, { message: 'too_many_destinations' });

/** POST /api/campaigns: a new campaign waits for the admin's review. */
export const createCampaignSchema = z
  .strictObject({
    targetKind: z.enum(campaignTargetKinds, { message: 'invalid_kind' }),
    targetId: z.uuid({ message: 'invalid_id' }),
    title: z.string().trim().max(120, { message: 'too_long' }).optional(),
    keywords: keywordsSchema.default([]),
    destinations: destinationsSchema.default([]),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    cpcMinor: cpcSchema,
    dailyBudgetMinor: dailyBudgetSchema,
  })
  .refine((c) => c.keywords.length + c.destinations.length > 0, {
    message: 'targeting_required',
    path: ['keywords'],
  });
export type CreateCampaignInput = z.output<typeof createCampaignSchema>;

/**
 * PATCH /api/campaigns/:id: `paused` pauses an approved campaign or resumes a paused one;
 * budget and dates change in place; keywords, destinations or title send it back to review.
 */
export const updateCampaignSchema = z.strictObject({
  paused: z.boolean().optional(),
  title: z.string().trim().max(120, { message: 'too_long' }).optional(),
  keywords: keywordsSchema.optional(),
  destinations: destinationsSchema.optional(),
  startsOn: isoDateSchema.optional(),
  endsOn: isoDateSchema.optional(),
  cpcMinor: cpcSchema.optional(),
  dailyBudgetMinor: dailyBudgetSchema.optional(),
});
export type UpdateCampaignInput = z.output<typeof updateCampaignSchema>;

const countersSchema = z.object({
  impressions: z.number().int(),
  clicks: z.number().int(),
  spentMinor: z.number().int(),
});

export const campaignViewSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  targetKind: z.enum(campaignTargetKinds),
  targetId: z.string(),
  /** The target's title in the request's language (else its default one). */
  targetTitle: z.string(),
  title: z.string().nullable(),
  keywords: z.array(z.string()),
  destinations: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  cpcMinor: z.number().int(),
  dailyBudgetMinor: z.number().int(),
  currency: z.string(),
  status: z.enum(campaignStatuses),
  /** Why the admin rejected it (null otherwise). */
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Today (the platform's day, Europe/Rome): counters and what may still be spent. */
  today: countersSchema.extend({ day: z.string(), remainingMinor: z.number().int() }),
  total: countersSchema,
});
export type CampaignView = z.infer<typeof campaignViewSchema>;

export const adminCampaignSchema = campaignViewSchema.extend({ partnerName: z.string() });
export type AdminCampaign = z.infer<typeof adminCampaignSchema>;

export const campaignListSchema = z.object({ items: z.array(campaignViewSchema) });
export const adminCampaignListSchema = z.object({ items: z.array(adminCampaignSchema) });

export const campaignListQuerySchema = z.object({
  lang: z.enum(['en', 'it', 'de', 'fr', 'es']).optional(),
});
export const adminCampaignsQuerySchema = z.object({
  status: z.enum(campaignStatuses, { message: 'invalid_status' }).default('pending_review'),
  lang: z.enum(['en', 'it', 'de', 'fr', 'es']).optional(),
});

/** GET /api/campaigns/:id/stats?from&to: at most 92 days. */
export const campaignStatsQuerySchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((q) => q.to >= q.from, { message: 'invalid_date_range', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < 92, {
    message: 'range_too_long',
    path: ['to'],
  });
export const campaignStatsSchema = z.object({
  campaignId: z.string(),
  currency: z.string(),
  days: z.array(countersSchema.extend({ day: z.string() })),
});
export type CampaignStats = z.infer<typeof campaignStatsSchema>;

/** POST /api/admin/campaigns/:id/reject */
export const rejectCampaignSchema = z.strictObject({
  reason: z.string().trim().min(3, { message: 'too_short' }).max(500, { message: 'too_long' }),
});

/**
 * POST /api/campaigns/:id/click: a traveller opened a sponsored result. `visitorId` is the
 * portal's random id for this browser (a signed-in user counts by user id instead).
 */
export const campaignClickSchema = z.strictObject({
  visitorId: z
    .string()
    .trim()
    .min(8, { message: 'invalid_visitor' })
    .max(128, { message: 'invalid_visitor' })
    .regex(/^[A-Za-z0-9_-]+$/, { message: 'invalid_visitor' }),
});
/** `charged`: this click cost the partner (false: already counted today, or today's budget is spent). */
export const campaignClickResultSchema = z.object({ charged: z.boolean() });
