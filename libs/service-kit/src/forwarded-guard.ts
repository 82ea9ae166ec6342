import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** The header the gateway proves itself with on every proxied request. */
export const GATEWAY_SECRET_HEADER = 'x-tourconnect-gateway';

const FORWARDED = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded'] as const;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Forwarded headers are the gateway's word about the client; from anyone else they are a lie
 * that would let one process pose as many clients to the per-IP limits. Without the gateway's
 * secret they are dropped, and the secret itself never reaches logs or handlers.
 */
export function installForwardedGuard(app: FastifyInstance, secret: string): void {
  const expected = digest(secret);
  app.addHook('onRequest', async (request) => {
    const headers = request.raw.headers;
    const given = headers[GATEWAY_SECRET_HEADER];
    delete headers[GATEWAY_SECRET_HEADER];
    const trusted = typeof given === 'string' && timingSafeEqual(digest(given), expected);
    if (trusted) return;
    for (const name of FORWARDED) delete headers[name];
  });
}
