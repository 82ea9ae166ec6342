import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness, type TestUser } from '../support/harness.ts';
import { partnerEvents } from '../support/partner-events.ts';
import { romeDay, type TestItem } from './packages-builders.ts';
import { insertSearchItem } from './search-fixtures.ts';

// GDPR and sponsored placement: an erased partner's campaigns, their daily figures and their
// clicks go with it (the charged spend is billing's record); another partner's stay untouched.
describe('GDPR: an erased partner’s sponsored campaigns', () => {
  let h: BundlingHarness;
  let a: GivenPartner;
  let b: GivenPartner;
  let admin: TestUser;
  let aItem: TestItem;
  let bItem: TestItem;

  const dolomites = (title: string) => ({
    translations: { en: { title, description: 'A day in the Dolomites' } },
    place: 'Cortina d’Ampezzo',
    regionCode: 'IT-21',
    latitude: 46.54,
    longitude: 12.136,
  });
  const approvedCampaign = async (partner: GivenPartner, target: TestItem, approve = true) => {
    const created = await h.call('POST', '/api/campaigns', {
      ...as(partner.owner),
      body: {
        targetKind: 'item',
        targetId: target.id,
        keywords: ['dolomites'],
        startsOn: romeDay(0),
        endsOn: romeDay(10),
        cpcMinor: 50,
        dailyBudgetMinor: 200,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    if (approve) {
      const res = await h.call('POST', `/api/admin/campaigns/${created.body.id}/approve`, as(admin));
      expect(res.status).toBe(200);
    }
    return created.body.id as string;
  };
  const click = async (id: string, visitorId: string) =>
    (await h.call('POST', `/api/campaigns/${id}/click`, { body: { visitorId } })).body;
  const count = async (table: string, campaignIds: string[]) =>
    (
      await h.rows<{ n: string }>(
        `SELECT count(*) AS n FROM bundling.${table} WHERE ${table === 'campaigns' ? 'id' : 'campaign_id'} = ANY($1::uuid[])`,
        [campaignIds],
      )
    )[0]!.n;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_gdpr_campaigns');
    [a, b] = await Promise.all([givenPartner(h, { name: 'Erased Guides' }), givenPartner(h, { name: 'Staying Huts' })]);
    admin = await h.user('admin', { roles: ['admin'] });
    aItem = await insertSearchItem(h, a.partnerId, dolomites('Tre Cime walk'));
    bItem = await insertSearchItem(h, b.partnerId, dolomites('Hut to hut'));
  });
  afterAll(() => h?.close());

  it('deletes the partner’s campaigns with their daily spend and clicks, counts them in the confirmation, and leaves other partners’ alone', async () => {
    const running = await approvedCampaign(a, aItem);
    const pending = await approvedCampaign(a, aItem, false);
    const staying = await approvedCampaign(b, bItem);
    expect(await click(running, 'visitor-erase-1')).toEqual({ charged: true });
    expect(await click(running, 'visitor-erase-2')).toEqual({ charged: true });
    expect(await click(staying, 'visitor-erase-1')).toEqual({ charged: true });
    expect(await count('campaign_clicks', [running])).toBe('2');
    expect(await count('campaign_daily_spend', [running])).toBe('1');

    await h.deliver(partnerEvents.deletionRequested(a, 'erase-campaigns-1'));

    for (const table of ['campaigns', 'campaign_daily_spend', 'campaign_clicks'])
      expect(await count(table, [running, pending]), table).toBe('0');
    // B's campaign still runs and still counts its click.
    const mine = await h.call('GET', '/api/campaigns/mine', as(b.owner));
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: staying, status: 'approved', today: expect.objectContaining({ clicks: 1 }) }),
    ]);
    expect(await count('campaign_clicks', [staying])).toBe('1');
    // Nothing of A is sponsored any more; the queue and the click route no longer know its campaigns.
    expect(
      (await h.call('POST', `/api/campaigns/${running}/click`, { body: { visitorId: 'visitor-erase-3' } })).status,
    ).toBe(404);
    const queue = await h.call('GET', '/api/admin/campaigns?status=pending_review', as(admin));
    expect(queue.body.items.map((c: { id: string }) => c.id)).not.toContain(pending);

    const confirmation = (await h.published('bundling.partner_data.erased.v1')).at(-1)!;
    expect(confirmation.payload).toEqual({
      partnerId: a.partnerId,
      requestId: 'erase-campaigns-1',
      service: 'bundling',
      // 2 campaigns, 1 day of figures, 2 clicks and the item.
      deletedRecords: 6,
      anonymisedRecords: 0,
    });

    // A second request finds nothing left.
    await h.deliver(partnerEvents.deletionRequested(a, 'erase-campaigns-2'));
    const again = (await h.published('bundling.partner_data.erased.v1')).at(-1)!;
    expect(again.payload).toMatchObject({ requestId: 'erase-campaigns-2', deletedRecords: 0, anonymisedRecords: 0 });
  });
});
