import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness, type TestUser } from '../support/harness.ts';
import { openDates, romeDay, type TestItem } from './packages-builders.ts';
import { insertSearchItem } from './search-fixtures.ts';

type Result = { id: string; sponsored: boolean; campaignId?: string };

// Sponsored results in search and Discover as a traveller sees them: capped, labelled, only
// when relevant and available, never lifted more than three places, and gone once the day's
// budget is spent.
describe('sponsored results in search and Discover', () => {
  let h: BundlingHarness;
  let lago: GivenPartner;
  let admin: TestUser;
  /** hikes[0] is the newest: sort=newest ranks them hikes[0], hikes[1], … */
  const hikes: TestItem[] = [];
  let food: TestItem;
  let closedHike: TestItem;
  /** Matches "hike" only in its description: far less relevant than the hikes. */
  let wine: TestItem;

  const search = async (query: string): Promise<Result[]> => {
    const res = await h.call('GET', `/api/packages/search?lang=en&${query}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const label = (items: Result[]) =>
    items.map((r) => `${hikes.findIndex((x) => x.id === r.id)}${r.sponsored ? '*' : ''}`);
  const campaign = async (target: TestItem, extra: Record<string, unknown> = {}) => {
    const created = await h.call('POST', '/api/campaigns', {
      ...as(lago.owner),
      body: {
        targetKind: 'item',
        targetId: target.id,
        keywords: ['hike'],
        startsOn: romeDay(0),
        endsOn: romeDay(10),
        cpcMinor: 30,
        dailyBudgetMinor: 3000,
        ...extra,
      },
    });
    expect(created.status).toBe(201);
    const approved = await h.call('POST', `/api/admin/campaigns/${created.body.id}/approve`, as(admin));
    expect(approved.status).toBe(200);
    return created.body.id as string;
  };
  const pause = async (id: string) => {
    const res = await h.call('PATCH', `/api/campaigns/${id}`, { ...as(lago.owner), body: { paused: true } });
    expect(res.body.status).toBe('paused');
  };

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_campaigns_ranking');
    lago = await givenPartner(h, { name: 'Lago Tours' });
    admin = await h.user('admin', { roles: ['admin'] });
    const at = { place: 'Riva del Garda', regionCode: 'IT-32', latitude: 45.885, longitude: 10.841 };
    for (let i = 0; i < 8; i++) {
      const item = await insertSearchItem(h, lago.partnerId, {
        ...at,
        translations: { en: { title: `Lake hike number ${i}`, description: 'A guided hike by the lake' } },
      });
      await h.rows(`UPDATE bundling.items SET published_at = now() - make_interval(mins => $2) WHERE id = $1`, [
        item.id,
        i,
      ]);
      await openDates(h, item, romeDay(1), romeDay(3), { capacity: 10 });
      hikes.push(item);
    }
    food = await insertSearchItem(h, lago.partnerId, {
      ...at,
      translations: { en: { title: 'Street food tour', description: 'Pizza and gelato' } },
    });
    closedHike = await insertSearchItem(h, lago.partnerId, {
      ...at,
      translations: { en: { title: 'Lake hike without dates', description: 'A guided hike' } },
    });
    await h.rows(`UPDATE bundling.items SET published_at = now() - interval '1 day' WHERE id = $1`, [closedHike.id]);
    wine = await insertSearchItem(h, lago.partnerId, {
      ...at,
      translations: { en: { title: 'Wine tasting evening', description: 'Reached by a short hike to the cellar' } },
    });
    await h.rows(`UPDATE bundling.items SET published_at = now() - interval '2 days' WHERE id = $1`, [wine.id]);
  });
  afterAll(async () => h?.close());

  it('places a sponsored result at most three positions above its organic rank, labelled, never twice', async () => {
    const id = await campaign(hikes[6]!);
    // Ranks 0–3 on page 1 (size 4): hike 6 (rank 6) may rise to rank 3, the last place of page 1.
    const page1 = await search('q=hike&sort=newest&pageSize=4');
    expect(label(page1)).toEqual(['0', '1', '2', '6*', '3']);
    expect(page1.find((r) => r.sponsored)?.campaignId).toBe(id);
    // Page 2 holds its organic copy, once, unlabelled.
    const page2 = await search('q=hike&sort=newest&pageSize=4&page=2');
    expect(label(page2)).toEqual(['4', '5', '6', '7']);
    // On one page of 10 it moves from 7th to 4th and is not shown a second time.
    const all = await search('q=hike&sort=newest&pageSize=10');
    expect(label(all).slice(0, 8)).toEqual(['0', '1', '2', '6*', '3', '4', '5', '7']);
    await pause(id);
    expect(label(await search('q=hike&sort=newest&pageSize=4'))).toEqual(['0', '1', '2', '3']);
  });

  it('shows at most two sponsored results on a page: the highest bids', async () => {
    const ids = [
      await campaign(hikes[2]!, { cpcMinor: 20 }),
      await campaign(hikes[4]!, { cpcMinor: 60 }),
      await campaign(hikes[5]!, { cpcMinor: 50 }),
    ];
    const page = await search('q=hike&sort=newest&pageSize=10');
    expect(page.filter((r) => r.sponsored).map((r) => r.campaignId)).toEqual([ids[1], ids[2]]);
    expect(label(page)).toEqual(['0', '4*', '5*', '1', '2', '3', '6', '7', '-1', '-1']);
    for (const id of ids) await pause(id);
  });

  it('shows no campaign whose target does not match the query, nor one not available for the dates', async () => {
    const foodCampaign = await campaign(food, { keywords: ['hike'], cpcMinor: 90 });
    const closed = await campaign(closedHike, { cpcMinor: 90 });
    expect((await search('q=hike&sort=newest&pageSize=10')).filter((r) => r.sponsored).map((r) => r.id)).toEqual([
      closedHike.id,
    ]);
    // With dates, the hike without availability is no result, so no sponsored one either.
    const dated = await search(`q=hike&sort=newest&pageSize=10&date=${romeDay(2)}`);
    expect(dated.filter((r) => r.sponsored)).toEqual([]);
    expect(dated.map((r) => r.id)).not.toContain(food.id);
    // A query its keywords do not meet shows nothing sponsored.
    expect((await search('q=pizza')).filter((r) => r.sponsored)).toEqual([]);
    await pause(foodCampaign);
    await pause(closed);
  });

  it('shows no campaign whose target is far less relevant than the best result (the relevance floor)', async () => {
    const id = await campaign(wine, { cpcMinor: 500, keywords: ['hike', 'wine'] });
    const page = await search('q=hike&pageSize=20');
    // It is an organic result of this search, only not relevant enough to be sponsored.
    expect(page.map((r) => r.id)).toContain(wine.id);
    expect(page.filter((r) => r.sponsored)).toEqual([]);
    // For its own words it is the best result, and sponsored.
    const own = await search('q=wine&pageSize=20');
    expect(own.map((r) => [r.id, r.sponsored, r.campaignId])).toEqual([[wine.id, true, id]]);
    await pause(id);
  });

  it('counts impressions, and stops showing a campaign once today’s budget is spent', async () => {
    const id = await campaign(hikes[3]!, { cpcMinor: 100, dailyBudgetMinor: 200 });
    const shown = await search('q=hike&sort=newest&pageSize=10');
    expect(shown.find((r) => r.sponsored)?.campaignId).toBe(id);
    const impressions = await waitFor(
      async () => {
        const [row] = await h.rows<{ impressions: number }>(
          'SELECT impressions FROM bundling.campaign_daily_spend WHERE campaign_id = $1',
          [id],
        );
        return row?.impressions ?? 0;
      },
      (n) => n > 0,
    );
    expect(impressions).toBe(1);
    const click = (visitorId: string) => h.call('POST', `/api/campaigns/${id}/click`, { body: { visitorId } });
    expect((await click('visitor-one-1')).body.charged).toBe(true);
    expect((await search('q=hike&sort=newest&pageSize=10')).some((r) => r.sponsored)).toBe(true);
    expect((await click('visitor-two-2')).body.charged).toBe(true);
    // 200 of 200 spent: no more room for a click, so the campaign is gone until tomorrow.
    expect((await search('q=hike&sort=newest&pageSize=10')).some((r) => r.sponsored)).toBe(false);
    expect((await click('visitor-three-3')).body.charged).toBe(false);
    const discover = await h.call('GET', '/api/discover?lang=en');
    expect(discover.body.sponsored).toEqual([]);
  });

  it('lists running campaigns’ targets in Discover’s sponsored section, labelled', async () => {
    const id = await campaign(hikes[1]!);
    const res = await h.call('GET', '/api/discover?lang=en');
    expect(res.status).toBe(200);
    expect(res.body.sponsored).toEqual([
      expect.objectContaining({ id: hikes[1]!.id, sponsored: true, campaignId: id, title: 'Lake hike number 1' }),
    ]);
    await pause(id);
    expect((await h.call('GET', '/api/discover?lang=en')).body.sponsored).toEqual([]);
  });
});
