// Starts a simulator on port 0 with an injected clock, plus helpers for the control surface.
import { createOctoSimulator, type OctoSimulator, type OctoSimulatorOptions } from '../../src/index.ts';
import { OctoClient } from './octo-client.ts';

/** A Monday; the "test" key's supplier is in New York (UTC-4 in June). */
export const T0 = new Date('2025-06-02T12:00:00Z');

export interface TestClock {
  now: () => Date;
  set(date: Date): void;
  advanceMinutes(minutes: number): void;
}

export function testClock(start = T0): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = date.getTime();
    },
    advanceMinutes: (minutes) => {
      current += minutes * 60_000;
    },
  };
}

export interface TestSimulator {
  sim: OctoSimulator;
  url: string;
  clock: TestClock;
  octo: OctoClient;
  control<T = any>(
    method: string,
    path: string,
    body?: unknown,
    key?: string | null,
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startSimulator(options: OctoSimulatorOptions = {}): Promise<TestSimulator> {
  const clock = testClock();
  const sim = createOctoSimulator({ keys: ['test', 'acme'], now: clock.now, ...options });
  const { url } = await sim.listen(0);
  return {
    sim,
    url,
    clock,
    octo: new OctoClient(url),
    async control(method, path, body, key = 'test') {
      const headers: Record<string, string> = {};
      if (key !== null) headers.authorization = `Bearer ${key}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${url}/_simulator${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    close: () => sim.close(),
  };
}
