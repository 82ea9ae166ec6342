import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { requestsInFlight } from '../../scripts/all-in-one/requests-in-flight.ts';
import { loadAllInOneSettings } from '../../scripts/all-in-one/settings.ts';

// The all-in-one's background events (booking e-mails, audit entries) hold back only while
// requests are in flight and the event loop is saturated, each at most BACKGROUND_EVENTS_MAX_WAIT_MS.

describe('requests in flight', () => {
  it('counts a request from its arrival until its answer is sent, and an aborted one too', async () => {
    const requests = requestsInFlight();
    let release: () => void = () => {};
    const server = createServer((_req, res) => {
      release = () => res.end('ok');
    });
    requests.watch(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const answered = new Promise<number>((resolve, reject) => {
        request({ port, host: '127.0.0.1', path: '/' }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        })
          .on('error', reject)
          .end();
      });
      await until(() => requests.count() === 1);
      release();
      expect(await answered).toBe(200);
      await until(() => requests.count() === 0);

      // A client that hangs up before the answer leaves the count too.
      const aborted = request({ port, host: '127.0.0.1', path: '/' }).on('error', () => {});
      aborted.end();
      await until(() => requests.count() === 1);
      aborted.destroy();
      await until(() => requests.count() === 0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('BACKGROUND_EVENTS_MAX_WAIT_MS', () => {
  it('defaults to 30 s, takes 0 to turn holding back off, and refuses a negative or non-numeric value', () => {
    expect(loadAllInOneSettings({}).BACKGROUND_EVENTS_MAX_WAIT_MS).toBe(30_000);
    expect(loadAllInOneSettings({ BACKGROUND_EVENTS_MAX_WAIT_MS: '0' }).BACKGROUND_EVENTS_MAX_WAIT_MS).toBe(0);
    expect(() => loadAllInOneSettings({ BACKGROUND_EVENTS_MAX_WAIT_MS: '-1' })).toThrow(
      /BACKGROUND_EVENTS_MAX_WAIT_MS/,
    );
    expect(() => loadAllInOneSettings({ BACKGROUND_EVENTS_MAX_WAIT_MS: 'soon' })).toThrow(
      /BACKGROUND_EVENTS_MAX_WAIT_MS/,
    );
  });
});

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(done()).toBe(true);
}
