import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/domain/search/answer-cache.ts';

// The in-process answers of search, Discover and suggest: reused only while nothing was written
// (the version) and for a bounded age; never an error.
describe('AnswerCache', () => {
  const t0 = new Date('2026-12-02T10:00:00Z');
  const after = (ms: number) => new Date(t0.getTime() + ms);
  const counter = () => {
    let n = 0;
    return { load: async () => ++n, count: () => n };
  };

  it('reuses an answer while the version stands, and computes again once it moved', async () => {
    const cache = new AnswerCache(10_000);
    const { load, count } = counter();
    expect(await cache.get('k', 'v1', t0, load)).toBe(1);
    expect(await cache.get('k', 'v1', after(5_000), load)).toBe(1);
    expect(await cache.get('k', 'v2', after(5_001), load)).toBe(2);
    expect(count()).toBe(2);
  });

  it('shares one computation between requests that miss at once', async () => {
    const cache = new AnswerCache(10_000);
    const { load, count } = counter();
    const answers = await Promise.all([1, 2, 3].map(() => cache.get('k', 'v1', t0, load)));
    expect(answers).toEqual([1, 1, 1]);
    expect(count()).toBe(1);
  });

  it('answers an aged answer while computing it again, and never one past the stale bound', async () => {
    const cache = new AnswerCache(10_000, 500, 60_000);
    const { load, count } = counter();
    await cache.get('k', 'v1', t0, load);
    expect(await cache.get('k', 'v1', after(12_000), load)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count()).toBe(2);
    expect(await cache.get('k', 'v1', after(12_001), load)).toBe(2);
    expect(await cache.get('k', 'v1', after(12_000 + 60_000), load)).toBe(3);
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
    for (const key of ['a', 'b', 'c']) await cache.get(key, 'v1', t0, async () => key);
    gates.length = 0;
    for (const key of ['a', 'b', 'c']) expect(await cache.get(key, 'v1', after(30_000), slowLoad(key))).toBe(key);
    for (let i = 0; i < 3; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(running).toHaveLength(1);
      gates.shift()!();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(most).toBe(1);
    for (const key of ['a', 'b', 'c'])
      expect(await cache.get(key, 'v1', after(30_001), slowLoad(key))).toBe(`${key} again`);
  });

  it('never serves an aged answer once something was written', async () => {
    const cache = new AnswerCache(10_000, 500, 60_000);
    const { load, count } = counter();
    await cache.get('k', 'v1', t0, load);
    expect(await cache.get('k', 'v2', after(30_000), load)).toBe(2);
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
    await expect(cache.get('k', 'v1', t0, flaky)).rejects.toThrow('statement timeout');
    expect(await cache.get('k', 'v1', t0, flaky)).toBe('answer');
  });

  it('keeps at most its size, dropping the least recently used', async () => {
    const cache = new AnswerCache(10_000, 2);
    const { load, count } = counter();
    await cache.get('a', 'v1', t0, load);
    await cache.get('b', 'v1', t0, load);
    await cache.get('a', 'v1', t0, load);
    await cache.get('c', 'v1', t0, load);
    expect(count()).toBe(3);
    await cache.get('a', 'v1', t0, load);
    expect(count()).toBe(3);
    await cache.get('b', 'v1', t0, load);
    expect(count()).toBe(4);
  });

  it('keeps an answer as long as it proves it stays exact, and no longer', async () => {
    const cache = new AnswerCache(10_000, 500, 60_000);
    const { load, count } = counter();
    const provedFor = (ms: number) => (_value: number, at: number) => at + ms;
    await cache.get('long', 'v1', t0, load, provedFor(600_000));
    // Past the default age, still fresh: no background computation.
    expect(await cache.get('long', 'v1', after(300_000), load, provedFor(600_000))).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count()).toBe(1);
    // A write still ends it at once.
    expect(await cache.get('long', 'v2', after(300_001), load, provedFor(600_000))).toBe(2);

    // An answer that proves less than the default age (a slot closes in 2 s) is renewed after 2 s.
    await cache.get('short', 'v1', t0, load, provedFor(2_000));
    expect(await cache.get('short', 'v1', after(2_500), load, provedFor(2_000))).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count()).toBe(4);
    expect(await cache.get('short', 'v1', after(2_600), load, provedFor(2_000))).toBe(4);
  });

  it('gives an answer that cannot prove anything the default age', async () => {
    const cache = new AnswerCache(10_000, 500, 60_000);
    const { load, count } = counter();
    await cache.get('k', 'v1', t0, load, () => undefined);
    expect(await cache.get('k', 'v1', after(9_999), load, () => undefined)).toBe(1);
    expect(await cache.get('k', 'v1', after(10_000), load, () => undefined)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count()).toBe(2);
  });
});
