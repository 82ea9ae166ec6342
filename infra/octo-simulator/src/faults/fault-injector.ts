// Applies a supplier's injected faults to an OCTO request: added latency, requests that
// hang and are then dropped (timeouts), 429 with Retry-After, 5xx, and truncated JSON.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { octoErrors } from '../octo/errors.ts';
import type { SimulatorRuntime } from '../state/runtime.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import type { FaultRule } from './fault-types.ts';

const malformed = new WeakSet<FastifyRequest>();

function hit(state: SupplierState, rule: FaultRule | null): boolean {
  if (!rule || (rule.remaining !== null && rule.remaining <= 0)) return false;
  if (state.faultPrng.next() >= rule.rate) return false;
  if (rule.remaining !== null) rule.remaining -= 1;
  return true;
}

function affects(state: SupplierState, request: FastifyRequest): boolean {
  const paths = state.faults?.paths;
  if (!paths) return true;
  const path = request.url.replace(/^\/octo/, '').split('?')[0] ?? '';
  return paths.some((prefix) => path.startsWith(prefix));
}

/** Returns true when the fault already answered (or dropped) the request. */
export async function injectFaults(
  runtime: SimulatorRuntime,
  state: SupplierState,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  const faults = state.faults;
  if (!faults || !affects(state, request)) return false;
  if (faults.latencyMs > 0) await runtime.hangs.wait(faults.latencyMs);
  if (faults.timeout && hit(state, faults.timeout)) {
    reply.hijack();
    await runtime.hangs.wait(faults.timeout.hangMs);
    reply.raw.destroy();
    return true;
  }
  if (faults.rateLimit && hit(state, faults.rateLimit)) {
    await reply
      .code(429)
      .header('Retry-After', String(faults.rateLimit.retryAfterSeconds))
      .send({ error: 'TOO_MANY_REQUESTS', errorMessage: 'Rate limit exceeded, retry after the Retry-After delay' });
    return true;
  }
  if (faults.error && hit(state, faults.error)) throw octoErrors.internal(faults.error.status);
  if (hit(state, faults.malformed)) malformed.add(request);
  return false;
}

/** onSend: a proper prefix of a JSON text is never valid JSON, so half the body will do. */
export function corruptIfMarked(request: FastifyRequest, payload: unknown): unknown {
  if (!malformed.has(request) || typeof payload !== 'string') return payload;
  return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
}
