import type { Server } from 'node:http';

/**
 * Counts the HTTP requests the platform's servers are answering right now. The all-in-one's
 * background event consumers (e-mails, audit entries) wait only while requests are in flight
 * and the event loop is saturated: their own catching up, with no request waiting, never holds
 * them back.
 */
export function requestsInFlight(): { watch(server: Server): void; count(): number } {
  let inFlight = 0;
  return {
    watch(server) {
      server.on('request', (_req, res) => {
        inFlight++;
        res.once('close', () => inFlight--);
      });
    },
    count: () => inFlight,
  };
}
