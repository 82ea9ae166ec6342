import { z } from 'zod';
import {
  adminCampaignListSchema,
  adminCampaignSchema,
  adminCampaignsQuerySchema,
  campaignClickResultSchema,
  campaignClickSchema,
  campaignListQuerySchema,
  campaignListSchema,
  campaignStatsQuerySchema,
  campaignStatsSchema,
  campaignViewSchema,
  createCampaignSchema,
  rejectCampaignSchema,
  updateCampaignSchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import { recordCampaignClick } from '../domain/campaigns/campaign-click.ts';
import { campaignsForReview, reviewCampaign } from '../domain/campaigns/campaign-review.ts';
import { campaignStats, createCampaign, listMyCampaigns, updateCampaign } from '../domain/campaigns/campaigns.ts';
import type { BundlingContext } from '../domain/context.ts';

const tags = ['campaigns'];
const security = [{ bearer: [] }];
const params = z.object({ id: z.uuid({ message: 'invalid_id' }) });
/** Per client address and minute: sponsored clicks (each visitor counts once a day anyway). */
export const CLICKS_PER_MINUTE = 60;

/** Sponsored placement: partners' campaigns, the admin's review queue, travellers' clicks. */
export function campaignsRoutes(app: ServiceApp, ctx: BundlingContext): void {
  partnerCampaignRoutes(app, ctx);
  adminCampaignRoutes(app, ctx);

  app.post(
    '/api/campaigns/:id/click',
    {
      preHandler: app.optionalUser,
      config: { rateLimit: { max: CLICKS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "A traveller opened a sponsored result: charged once per visitor and day, within the day's budget",
        params,
        body: campaignClickSchema,
        response: { 200: campaignClickResultSchema },
      },
    },
    async (request) =>
      recordCampaignClick(ctx, request.params.id, { userId: request.user?.id, visitorId: request.body.visitorId }),
  );
}

function partnerCampaignRoutes(app: ServiceApp, ctx: BundlingContext): void {
  app.post(
    '/api/campaigns',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Create a campaign for one of your published packages or items (waits for review)',
        security,
        querystring: campaignListQuerySchema,
        body: createCampaignSchema,
        response: { 201: campaignViewSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCampaign(ctx, request.user!.id, request.body, request.query.lang)),
  );

  app.get(
    '/api/campaigns/mine',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "Your partner's campaigns with today's and total impressions, clicks, spend and budget left",
        security,
        querystring: campaignListQuerySchema,
        response: { 200: campaignListSchema },
      },
    },
    async (request) => listMyCampaigns(ctx, request.user!.id, request.query.lang),
  );

  app.patch(
    '/api/campaigns/:id',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Pause or resume, change budget, CPC or dates; new targeting goes back to review',
        security,
        params,
        querystring: campaignListQuerySchema,
        body: updateCampaignSchema,
        response: { 200: campaignViewSchema },
      },
    },
    async (request) => updateCampaign(ctx, request.user!.id, request.params.id, request.body, request.query.lang),
  );

  app.get(
    '/api/campaigns/:id/stats',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "One of your campaigns' impressions, clicks and spend per day",
        security,
        params,
        querystring: campaignStatsQuerySchema,
        response: { 200: campaignStatsSchema },
      },
    },
    async (request) => campaignStats(ctx, request.user!.id, request.params.id, request.query),
  );
}

function adminCampaignRoutes(app: ServiceApp, ctx: BundlingContext): void {
  const admin = app.requireUser('admin');
  app.get(
    '/api/admin/campaigns',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Campaigns by status (the review queue: pending_review)',
        security,
        querystring: adminCampaignsQuerySchema,
        response: { 200: adminCampaignListSchema },
      },
    },
    async (request) => campaignsForReview(ctx, request.query.status, request.query.lang),
  );

  app.post(
    '/api/admin/campaigns/:id/approve',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Approve a pending campaign (audited)',
        security,
        params,
        response: { 200: adminCampaignSchema },
      },
    },
    async (request) => reviewCampaign(ctx, request.user!.id, request.params.id, { approve: true }),
  );

  app.post(
    '/api/admin/campaigns/:id/reject',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Reject a pending campaign with a reason the partner reads (audited)',
        security,
        params,
        body: rejectCampaignSchema,
        response: { 200: adminCampaignSchema },
      },
    },
    async (request) =>
      reviewCampaign(ctx, request.user!.id, request.params.id, { approve: false, reason: request.body.reason }),
  );
}
