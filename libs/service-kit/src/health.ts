import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem-handler.ts';

export type ReadinessCheck = () => Promise<void>;

/**
 * Liveness says only that the process answers; readiness checks the dependencies (PostgreSQL,
 * NATS, …) with a timeout each, so an orchestrator stops routing traffic during an outage
 * without restarting a healthy process (STYLE habit 10).
 */
export function installHealth(app: FastifyInstance, checks: Record<string, ReadinessCheck>, timeoutMs = 2_000): void {
  let shuttingDown = false;
  app.addHook('onClose', async () => {
    shuttingDown = true;
  });
  app.get('/livez', { schema: { hide: true } }, async () => ({ status: 'alive' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    const results: Record<string, { ok: boolean; error?: string }> = {};
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), timeoutMs);
          results[name] = { ok: true };
        } catch (error) {
          results[name] = { ok: false, error: error instanceof Error ? error.message : 'failed' };
        }
      }),
    );
    const ready = !shuttingDown && Object.values(results).every((r) => r.ok);
    if (ready) return { status: 'ready', checks: results };
    request.log.warn({ checks: results }, 'not ready');
    const failing = Object.keys(results).filter((k) => !results[k]?.ok);
    reply.header('retry-after', '5');
    return sendProblem(
      request,
      reply,
      503,
      'service_unavailable',
      shuttingDown ? 'shutting down' : `not ready: ${failing.join(', ')}`,
    );
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
