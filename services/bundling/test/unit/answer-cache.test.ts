import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/domain/search/answer-cache.ts';

// The in-process answers of search, Discover and suggest: reused only while nothing of the
// catalogue was written (the version), for a bounded age and a bounded lag behind bookings; never
// an error.
describe('AnswerCache', () => {
  const t0 = new Date('2026-12-02T10:00:00Z');
  const v = (catalogue: string, counts = 'c0') => ({ catalogue, counts });
  const after = (ms: number) => new Date(t0.getTime() + ms);
  const counter = () => {
    let n = 0;
    return { load: async () => ++n, count: () => n };
  };

  it('reuses an answer while the version stands, and computes again once it moved', async () => {
    const cache = new AnswerCache(10_000);
    const { load, count } = counter();
    expect(await cache.get('k', v('v1'), t0, load)).toBe(1);
    expect(await cache.get('k', v('v1'), after(5_000), load)).toBe(1);
    expect(await cache.get('k', v('v2'), after(5_001), load)).toBe(2);
    expect(count()).toBe(2);
  });

  it('shares one computation between requests that miss at once', async () => {
    const cache = new AnswerCache(10_000);
    const { load, count } = counter();
    const answers = await Promise.all([1, 2, 3].map(() => cache.get('k', v('v1'), t0, load)));
    expect(answers).toEqual([1, 1, 1]);
    expect(count()).toBe(1);
  });

  it('answers an aged answer while computing it again, and never one past the stale bound', async () => {
    const cache = new AnswerCache(10_000, 500, 60_000);
    const { load, count } = counter();
    await cache.get('k', v('v1'), t0, load);
    expect(await cache.get('k', v('v1'), after(12_000), load)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count()).toBe(2);
    expect(await cache.get('k', v('v1'), after(12_001), load)).toBe(2);
    expect(await cache.get('k', v('v1'), after(12_000 + 60_000), load)).toBe(3);
    expect(count()).toBe(3);
  });

  it('computes aged answers again one at a time, while serving each of them', async () => {
    const cache = new AnswerCache(10_000, 500, 60_000);
    const running: string[] = [];
    let most = 0;
    const gates: (() => void)[] = [];
    const slowLoad = (key: string) => async () => {
      running.push(key);
      most = Math.max(most, running.length);
      await new Promise<void>((resolve) => gates.push(resolve));
      running.splice(running.indexOf(key), 1);
      return `${key} again`;
    };
    for (const key of ['a', 'b', 'c']) await cache.get(key, v('v1'), t0, async () => key);
    gates.length = 0;
    for (const key of ['a', 'b', 'c']) expect(await cache.get(key, v('v1'), after(30_000), slowLoad(key))).toBe(key);
    for (let i = 0; i < 3; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(running).toHaveLength(1);
      gates.shift()!();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(most).toBe(1);
    for (const key of ['a', 'b', 'c'])
      expect(await cache.get(key, v('v1'), after(30_001), slowLoad(key))).toBe(`${key} again`);
  });

  it('never serves an aged answer once something was written', async () => {
    const cache = new AnswerCache(10_000, 500, 60_000);
    const { load, count } = counter();
    await cache.get('k', v('v1'), t0, load);
    expect(await cache.get('k', v('v2'), after(30_000), load)).toBe(2);
    expect(count()).toBe(2);
  });

  it('keeps no failure: the next request computes again', async () => {
    const cache = new AnswerCache(10_000);
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new Error('statement timeout');
      return 'answer';
    };
    await expect(cache.get('k', v('v1'), t0, flaky)).rejects.toThrow('statement timeout');
    expect(await cache.get('k', v('v1'), t0, flaky)).toBe('answer');
  });

  it('keeps at most its size, dropping the least recently used', async () => {
    const cache = new AnswerCache(10_000, 2);
    const { load, count } = counter();
    await cache.get('a', v('v1'), t0, load);
    await cache.get('b', v('v1'), t0, load);
    await cache.get('a', v('v1'), t0, load);
    await cache.get('c', v('v1'), t0, load);
    expect(count()).toBe(3);
    await cache.get('a', v('v1'), t0, load);
    expect(count()).toBe(3);
    await cache.get('b', v('v1'), t0, load);
    expect(count()).toBe(4);
  });

  it('keeps an answer as long as it proves it stays exact, and no longer', async () => {
    const cache = new AnswerCache(10_000, 500, 60_000);
    const { load, count } = counter();
    const provedFor = (ms: number) => (_value: number, at: number) => at + ms;
    await cache.get('long', v('v1'), t0, load, provedFor(600_000));
    // Past the default age, still fresh: no background computation.
    expect(await cache.get('long', v('v1'), after(300_000), load, provedFor(600_000))).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count()).toBe(1);
    // A write still ends it at once.
    expect(await cache.get('long', v('v2'), after(300_001), load, provedFor(600_000))).toBe(2);

    // An answer that proves less than the default age (a slot closes in 2 s) is renewed after 2 s.
    await cache.get('short', v('v1'), t0, load, provedFor(2_000));
    expect(await cache.get('short', v('v1'), after(2_500), load, provedFor(2_000))).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count()).toBe(4);
    expect(await cache.get('short', v('v1'), after(2_600), load, provedFor(2_000))).toBe(4);
  });

  it('gives an answer that cannot prove anything the default age', async () => {
    const cache = new AnswerCache(10_000, 500, 60_000);
    const { load, count } = counter();
    await cache.get('k', v('v1'), t0, load, () => undefined);
    expect(await cache.get('k', v('v1'), after(9_999), load, () => undefined)).toBe(1);
    expect(await cache.get('k', v('v1'), after(10_000), load, () => undefined)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count()).toBe(2);
  });

  it('lags bookings by a few seconds at most: fresh for 5 s after a request saw them move the counters, then computed again', async () => {
    const cache = new AnswerCache(30_000, 500, 120_000, 5_000, 15_000);
    const { load, count } = counter();
    // An answer that proved itself exact for 10 minutes (a search: search-freshness.ts).
    await cache.get('k', v('v1', 'c1'), t0, load, (_value, at) => at + 600_000);
    // A minute later bookings have moved the counters: the first request to see it gets the
    // answer it has, and so does everyone for 5 s.
    expect(await cache.get('k', v('v1', 'c2'), after(60_000), load)).toBe(1);
    expect(await cache.get('k', v('v1', 'c3'), after(64_000), load)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count()).toBe(1);
    // Then it is served once more while computed again in the background.
    expect(await cache.get('k', v('v1', 'c3'), after(65_000), load)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count()).toBe(2);
    expect(await cache.get('k', v('v1', 'c3'), after(65_001), load)).toBe(2);
  });

  it('never serves an answer more than 15 s after bookings were seen to move, nor one the catalogue has moved past', async () => {
    const cache = new AnswerCache(30_000, 500, 120_000, 5_000, 15_000);
    const { load, count } = counter();
    await cache.get('k', v('v1', 'c1'), t0, load);
    expect(await cache.get('k', v('v1', 'c2'), after(1_000), load)).toBe(1);
    expect(await cache.get('k', v('v1', 'c2'), after(16_000), load)).toBe(2);
    expect(count()).toBe(2);
    expect(await cache.get('k', v('v2', 'c2'), after(16_001), load)).toBe(3);
  });
});
