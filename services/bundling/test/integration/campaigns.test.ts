import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenMember, givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness, type TestUser } from '../support/harness.ts';
import { romeDay, type TestItem } from './packages-builders.ts';
import { insertSearchItem } from './search-fixtures.ts';

// Sponsored campaigns as partners, the admin and travellers meet them: creation and its
// refusals, the review queue, who may see and change what, and the clicks that cost money.
describe('sponsored campaigns', () => {
  let h: BundlingHarness;
  let lago: GivenPartner;
  let other: GivenPartner;
  let admin: TestUser;
  let walk: TestItem;
  let draft: TestItem;
  let othersItem: TestItem;

  const garda = (title: string) => ({
    translations: { en: { title, description: 'On the shores of Lake Garda' } },
    place: 'Riva del Garda',
    regionCode: 'IT-32',
    latitude: 45.885,
    longitude: 10.841,
  });
  const body = (target: TestItem, extra: Record<string, unknown> = {}) => ({
    targetKind: 'item',
    targetId: target.id,
    keywords: ['Hike', 'garda'],
    destinations: ['it-32'],
    startsOn: romeDay(0),
    endsOn: romeDay(30),
    cpcMinor: 50,
    dailyBudgetMinor: 100,
    ...extra,
  });
  const create = (partner: GivenPartner, payload: Record<string, unknown>) =>
    h.call('POST', '/api/campaigns', { ...as(partner.owner), body: payload });
  const approved = async (payload: Record<string, unknown>) => {
    const created = await create(lago, payload);
    expect(created.status).toBe(201);
    const res = await h.call('POST', `/api/admin/campaigns/${created.body.id}/approve`, as(admin));
    expect(res.status).toBe(200);
    return created.body as { id: string };
  };
  const click = (id: string, visitorId: string) =>
    h.call('POST', `/api/campaigns/${id}/click`, { body: { visitorId } });

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_campaigns');
    [lago, other] = await Promise.all([givenPartner(h, { name: 'Lago Tours' }), givenPartner(h, { name: 'Other' })]);
    admin = await h.user('admin', { roles: ['admin'] });
    walk = await insertSearchItem(h, lago.partnerId, garda('Guided hike above Riva'));
    draft = await insertSearchItem(h, lago.partnerId, { ...garda('Draft hike'), status: 'draft' });
    othersItem = await insertSearchItem(h, other.partnerId, garda('Sailing on the lake'));
  });
  afterAll(async () => h?.close());

  describe('a partner creates a campaign', () => {
    it('waits for review, targets lower-cased, in the target currency, with zero counters', async () => {
      const res = await create(lago, body(walk));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'pending_review',
        targetTitle: 'Guided hike above Riva',
        keywords: ['hike', 'garda'],
        destinations: ['IT-32'],
        currency: 'EUR',
        today: { impressions: 0, clicks: 0, spentMinor: 0, remainingMinor: 100 },
        total: { impressions: 0, clicks: 0, spentMinor: 0 },
      });
      const audit = await h.rows(`SELECT action FROM bundling.audit_log WHERE entity_id = $1`, [res.body.id]);
      expect(audit.map((a) => a.action)).toEqual(['campaign.created']);
    });

    it.each([
      ['another partner’s item', () => body(othersItem), 404, 'campaign_target_not_found'],
      ['an unpublished item', () => body(draft), 409, 'campaign_target_not_published'],
      [
        'a budget below one click',
        () => body(walk, { cpcMinor: 80, dailyBudgetMinor: 50 }),
        422,
        'campaign_budget_below_cpc',
      ],
      [
        'an end before the start',
        () => body(walk, { startsOn: romeDay(5), endsOn: romeDay(2) }),
        422,
        'campaign_dates_invalid',
      ],
      [
        'an end in the past',
        () => body(walk, { startsOn: romeDay(-5), endsOn: romeDay(-1) }),
        422,
        'campaign_dates_invalid',
      ],
    ])('refuses %s with a code and writes nothing', async (_, payload, status, code) => {
      const before = await h.rows('SELECT count(*)::int AS n FROM bundling.campaigns');
      const res = await create(lago, payload());
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(await h.rows('SELECT count(*)::int AS n FROM bundling.campaigns')).toEqual(before);
    });

    it('refuses a campaign without keywords or destinations, and a zero CPC', async () => {
      const res = await create(lago, body(walk, { keywords: [], destinations: [] }));
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { code: string }) => e.code)).toContain('targeting_required');
      const zero = await create(lago, body(walk, { cpcMinor: 0 }));
      expect(zero.status).toBe(400);
    });

    it('refuses an unverified partner and a viewer', async () => {
      const draftPartner = await givenPartner(h, { verified: false });
      const item = await insertSearchItem(h, draftPartner.partnerId, garda('Unverified hike'));
      const res = await create(draftPartner, body(item));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('partner_not_verified');
      const viewer = await givenMember(h, lago, 'viewer');
      const asViewer = await h.call('POST', '/api/campaigns', { ...as(viewer), body: body(walk) });
      expect(asViewer.status).toBe(403);
    });
  });

  describe('the review queue', () => {
    it('is the admin’s only: a partner gets 403 on the queue and on a decision', async () => {
      const created = await create(lago, body(walk));
      expect((await h.call('GET', '/api/admin/campaigns', as(lago.owner))).status).toBe(403);
      const approve = await h.call('POST', `/api/admin/campaigns/${created.body.id}/approve`, as(lago.owner));
      expect(approve.status).toBe(403);
      const row = await h.rows('SELECT status FROM bundling.campaigns WHERE id = $1', [created.body.id]);
      expect(row[0]!.status).toBe('pending_review');
    });

    it('lists pending campaigns with the partner’s name; a decision is final and audited', async () => {
      const created = await create(lago, body(walk, { title: 'Spring hikes' }));
      const queue = await h.call('GET', '/api/admin/campaigns?status=pending_review', as(admin));
      expect(queue.status).toBe(200);
      const listed = queue.body.items.find((c: { id: string }) => c.id === created.body.id);
      expect(listed).toMatchObject({
        partnerName: 'Lago Tours',
        targetTitle: 'Guided hike above Riva',
        title: 'Spring hikes',
      });

      const reject = await h.call('POST', `/api/admin/campaigns/${created.body.id}/reject`, {
        ...as(admin),
        body: { reason: 'The photos do not show the hike' },
      });
      expect(reject.status).toBe(200);
      expect(reject.body).toMatchObject({ status: 'rejected', reviewReason: 'The photos do not show the hike' });
      const again = await h.call('POST', `/api/admin/campaigns/${created.body.id}/approve`, as(admin));
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('campaign_not_pending');
      const audit = await h.rows(`SELECT action, actor_id FROM bundling.audit_log WHERE entity_id = $1 ORDER BY seq`, [
        created.body.id,
      ]);
      expect(audit).toEqual([
        { action: 'campaign.created', actor_id: lago.owner.id },
        { action: 'campaign.rejected', actor_id: admin.id },
      ]);
      const missing = await h.call('POST', `/api/admin/campaigns/${crypto.randomUUID()}/approve`, as(admin));
      expect(missing.body.code).toBe('campaign_not_found');
    });
  });

  describe('one partner’s campaign is invisible to another', () => {
    it('another partner cannot list, read the stats of, or change it', async () => {
      const mine = await create(lago, body(walk));
      const list = await h.call('GET', '/api/campaigns/mine', as(other.owner));
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(mine.body.id);
      const patch = await h.call('PATCH', `/api/campaigns/${mine.body.id}`, {
        ...as(other.owner),
        body: { dailyBudgetMinor: 5000 },
      });
      expect(patch.status).toBe(404);
      expect(patch.body.code).toBe('campaign_not_found');
      const stats = await h.call('GET', `/api/campaigns/${mine.body.id}/stats?from=${romeDay(0)}&to=${romeDay(1)}`, {
        ...as(other.owner),
      });
      expect(stats.status).toBe(404);
      const row = await h.rows('SELECT daily_budget_minor FROM bundling.campaigns WHERE id = $1', [mine.body.id]);
      expect(Number(row[0]!.daily_budget_minor)).toBe(100);
    });
  });

  describe('pause, resume and edits', () => {
    it('pauses and resumes an approved campaign; new keywords send it back to review', async () => {
      const campaign = await approved(body(walk));
      const patch = (b: Record<string, unknown>) =>
        h.call('PATCH', `/api/campaigns/${campaign.id}`, { ...as(lago.owner), body: b });
      expect((await patch({ paused: true })).body.status).toBe('paused');
      expect((await patch({ paused: false, dailyBudgetMinor: 500 })).body).toMatchObject({
        status: 'approved',
        dailyBudgetMinor: 500,
      });
      expect((await patch({ dailyBudgetMinor: 10 })).body.code).toBe('campaign_budget_below_cpc');
      expect((await patch({ keywords: ['sailing'] })).body.status).toBe('pending_review');
      const resume = await patch({ paused: false });
      expect(resume.status).toBe(409);
      expect(resume.body.code).toBe('campaign_not_pausable');
    });

    it('shows a running campaign past its last day as ended', async () => {
      const campaign = await approved(body(walk));
      await h.rows(`UPDATE bundling.campaigns SET starts_on = $2, ends_on = $3 WHERE id = $1`, [
        campaign.id,
        romeDay(-10),
        romeDay(-1),
      ]);
      const mine = await h.call('GET', '/api/campaigns/mine', as(lago.owner));
      expect(mine.body.items.find((c: { id: string }) => c.id === campaign.id).status).toBe('ended');
      // Clicks on it charge nothing.
      expect((await click(campaign.id, 'visitor-late-1')).body).toEqual({ charged: false });
    });
  });

  describe('clicks', () => {
    it('charge once per visitor and day, stop at the daily budget, and publish each charge once', async () => {
      const campaign = await approved(body(walk, { cpcMinor: 40, dailyBudgetMinor: 100 }));
      expect((await click(campaign.id, 'visitor-aaaa-1')).body).toEqual({ charged: true });
      // The same visitor again the same day: counted once, not charged again.
      expect((await click(campaign.id, 'visitor-aaaa-1')).body).toEqual({ charged: false });
      expect((await click(campaign.id, 'visitor-bbbb-2')).body).toEqual({ charged: true });
      // 80 spent: a third 40 would pass the 100 budget.
      expect((await click(campaign.id, 'visitor-cccc-3')).body).toEqual({ charged: false });

      const mine = await h.call('GET', '/api/campaigns/mine', as(lago.owner));
      const view = mine.body.items.find((c: { id: string }) => c.id === campaign.id);
      expect(view.today).toMatchObject({ clicks: 2, spentMinor: 80, remainingMinor: 20 });
      expect(view.total).toMatchObject({ clicks: 2, spentMinor: 80 });

      const clicks = await h.rows<{ charged: boolean; amount_minor: string }>(
        'SELECT charged, amount_minor FROM bundling.campaign_clicks WHERE campaign_id = $1 ORDER BY created_at',
        [campaign.id],
      );
      expect(clicks.map((c) => [c.charged, Number(c.amount_minor)])).toEqual([
        [true, 40],
        [true, 40],
        [false, 0],
      ]);
      const events = (await h.published('bundling.campaign.click_charged.v1')).filter(
        (e) => (e.payload as { campaignId: string }).campaignId === campaign.id,
      );
      expect(events).toHaveLength(2);
      expect(events[0]!.payload).toMatchObject({ partnerId: lago.partnerId, amountMinor: '40', currency: 'EUR' });

      const stats = await h.call('GET', `/api/campaigns/${campaign.id}/stats?from=${romeDay(0)}&to=${romeDay(1)}`, {
        ...as(lago.owner),
      });
      expect(stats.body.days).toEqual([
        { day: romeDay(0), impressions: 0, clicks: 2, spentMinor: 80 },
        { day: romeDay(1), impressions: 0, clicks: 0, spentMinor: 0 },
      ]);
    });

    it('never pass the budget when clicks arrive together', async () => {
      const campaign = await approved(body(walk, { cpcMinor: 60, dailyBudgetMinor: 100 }));
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => click(campaign.id, `visitor-rush-${i}`)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(answers.filter((a) => a.body.charged)).toHaveLength(1);
      const [day] = await h.rows<{ spent_minor: string; clicks: number }>(
        'SELECT spent_minor, clicks FROM bundling.campaign_daily_spend WHERE campaign_id = $1',
        [campaign.id],
      );
      expect([Number(day!.spent_minor), day!.clicks]).toEqual([60, 1]);
    });

    it('charge nothing when the partner’s own member clicks, but a signed-in traveller once a day', async () => {
      const campaign = await approved(body(walk, { cpcMinor: 10, dailyBudgetMinor: 100 }));
      const own = await h.call('POST', `/api/campaigns/${campaign.id}/click`, {
        ...as(lago.owner),
        body: { visitorId: 'owner-browser-1' },
      });
      expect(own.body).toEqual({ charged: false });
      const traveller = await h.user('traveller');
      const first = await h.call('POST', `/api/campaigns/${campaign.id}/click`, {
        ...as(traveller),
        body: { visitorId: 'laptop-browser-1' },
      });
      // Another browser of the same signed-in traveller is the same visitor.
      const second = await h.call('POST', `/api/campaigns/${campaign.id}/click`, {
        ...as(traveller),
        body: { visitorId: 'phone-browser-2' },
      });
      expect([first.body.charged, second.body.charged]).toEqual([true, false]);
    });

    it('charge nothing on a campaign not approved, and 404 for an unknown one', async () => {
      const pending = await create(lago, body(walk));
      expect((await click(pending.body.id, 'visitor-dddd-4')).body).toEqual({ charged: false });
      const unknown = await click(crypto.randomUUID(), 'visitor-dddd-4');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('campaign_not_found');
      const bad = await h.call('POST', `/api/campaigns/${pending.body.id}/click`, { body: { visitorId: '<x>' } });
      expect(bad.status).toBe(400);
    });
  });
});
