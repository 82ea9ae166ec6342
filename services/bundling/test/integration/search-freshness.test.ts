import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchQuerySchema } from '@tourconnect/contracts/http';
import { searchIndex, searchVersion } from '../../src/db/search.repository.ts';
import { zonedInstant } from '../../src/domain/local-time.ts';
import { searchSpecOf } from '../../src/domain/search/search.ts';
import { givenPartner } from '../support/builders.ts';
import { startBundlingHarness, type BundlingHarness } from '../support/harness.ts';
import { openDates, romeDay, type TestItem } from './packages-builders.ts';
import { insertSearchItem, RIVA_DEL_GARDA } from './search-fixtures.ts';

// What a search's answer tells of its own freshness (src/domain/search/search-freshness.ts):
// the first moment a slot it found open closes with the clock, and whether a write was in
// flight when it read (then the version may not cover everything it missed).
describe('a search answer and the clock', () => {
  let h: BundlingHarness;
  let boat: TestItem;
  const date = romeDay(3);

  const run = async (query: Record<string, string>, now = new Date()) => {
    const { spec } = await searchSpecOf(h.database.db, searchQuerySchema.parse(query), now);
    return searchIndex(h.database.db, spec);
  };

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_search_clock');
    const partner = await givenPartner(h, { name: 'Navigazione Garda' });
    boat = await insertSearchItem(h, partner.partnerId, {
      translations: { it: { title: 'Battello per Limone', description: 'Traversata del lago' } },
      ...RIVA_DEL_GARDA,
      cutoffHours: 3,
      startTimes: ['09:00', '15:00'],
    });
    await openDates(h, boat, date, date, { capacity: 10 });
  });

  afterAll(async () => {
    await h?.close();
  });

  it("names the first open slot's cut-off, and moves past it once that slot has closed", async () => {
    const morningCutoff = new Date(zonedInstant(date, '09:00', 'Europe/Rome')).getTime() - 3 * 3_600_000;
    const afternoonCutoff = new Date(zonedInstant(date, '15:00', 'Europe/Rome')).getTime() - 3 * 3_600_000;
    const before = await run({ q: 'battello', lang: 'it', date, party: '2a' });
    expect(before.total).toBe(1);
    expect(before.clock.closesAt).toBe(morningCutoff);
    // A minute after the morning's cut-off only the afternoon boat is open.
    const later = await run({ q: 'battello', lang: 'it', date, party: '2a' }, new Date(morningCutoff + 60_000));
    expect(later.total).toBe(1);
    expect(later.clock.closesAt).toBe(afternoonCutoff);
    // A full morning boat does not count: its cut-off changes nothing the answer holds.
    await openDates(h, boat, date, date, { capacity: 10, sold: 10, startTimes: ['09:00'] });
    expect((await run({ q: 'battello', lang: 'it', date, party: '2a' })).clock.closesAt).toBe(afternoonCutoff);
    // Without dates the clock is not read at all.
    expect((await run({ q: 'battello', lang: 'it' })).clock.closesAt).toBeNull();
  });

  it('says so when another transaction may have written (it holds a transaction id)', async () => {
    const other = await h.database.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_current_xact_id()');
      expect((await run({ q: 'battello', lang: 'it', date })).clock.writesInFlight).toBe(true);
    } finally {
      await other.query('ROLLBACK');
      other.release();
    }
  });

  it("moves the catalogue's version for the catalogue and the counters' for bookings", async () => {
    const before = await searchVersion(h.database.db);
    const moved = async (statement: string, params: unknown[]) => {
      const start = await searchVersion(h.database.db);
      await h.rows(statement, params);
      const end = await searchVersion(h.database.db);
      return { catalogue: end.catalogue !== start.catalogue, counts: end.counts !== start.counts };
    };
    const id = (
      await h.rows<{ id: string }>('SELECT id FROM bundling.availability WHERE item_id = $1 LIMIT 1', [boat.id])
    )[0]!.id;
    // A hold, a sale, a release: only held and sold change.
    expect(await moved('UPDATE bundling.availability SET held = held + 1 WHERE id = $1', [id])).toEqual({
      catalogue: false,
      counts: true,
    });
    expect(
      await moved('UPDATE bundling.availability SET held = held - 1, sold = sold + 1 WHERE id = $1', [id]),
    ).toEqual({
      catalogue: false,
      counts: true,
    });
    // A partner's calendar: capacity, closing, prices.
    expect(await moved('UPDATE bundling.availability SET capacity = capacity + 5 WHERE id = $1', [id])).toEqual({
      catalogue: true,
      counts: false,
    });
    expect(await moved('UPDATE bundling.availability SET closed = true, held = held WHERE id = $1', [id])).toEqual({
      catalogue: true,
      counts: false,
    });
    // An item's own change.
    expect(await moved("UPDATE bundling.items SET tags = '{lake}' WHERE id = $1", [boat.id])).toEqual({
      catalogue: true,
      counts: false,
    });
    expect((await searchVersion(h.database.db)).catalogue).not.toBe(before.catalogue);
  });
});
