import type { ServiceApp } from '@tourconnect/service-kit';
import type { BillingContext } from './context.ts';
import {
  executeReconciliation,
  reconciliationMetrics,
  startReconciliation,
  type ReconcileOptions,
  type ReconciliationMetrics,
  type StartResult,
} from './reconcile.ts';

interface JobLogger {
  error(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface Reconciler {
  /** Claims a run and carries it out in the background; the caller polls the run by id. */
  request(options: ReconcileOptions): Promise<StartResult>;
  /** Every `minutes` (0: never, in this process). */
  schedule(minutes: number): void;
  /** Stops the schedule, asks runs in progress to stop after their batch and waits for them (the pool outlives them). */
  stop(): Promise<void>;
}

export function createReconciler(ctx: BillingContext, log: JobLogger, metrics?: ReconciliationMetrics): Reconciler {
  const inFlight = new Set<Promise<unknown>>();
  const shutdown = new AbortController();
  let timer: NodeJS.Timeout | undefined;

  const request = async (requested: ReconcileOptions): Promise<StartResult> => {
    const options = { ...requested, signal: shutdown.signal };
    const started = await startReconciliation(ctx, options);
    if (!started.ok) return started;
    const run = executeReconciliation(ctx, started, options, metrics)
      .then((result) => log.info({ ...result }, 'reconciliation finished'))
      .catch((error: unknown) => log.error({ err: error, runId: started.runId }, 'reconciliation could not be closed'))
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
    return started;
  };

  return {
    request,
    schedule(minutes) {
      if (minutes <= 0 || timer) return;
      timer = setInterval(() => {
        // Another replica (or an admin) running one already is the normal case, not an error.
        request({ trigger: 'schedule' }).catch((error: unknown) =>
          log.error({ err: error }, 'scheduled reconciliation could not start'),
        );
      }, minutes * 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      shutdown.abort();
      await Promise.allSettled([...inFlight]);
    },
  };
}

/**
 * The reconciler of this app: its metrics on the app's registry, the schedule started once the
 * app is ready (RECONCILE_INTERVAL_MINUTES) and stopped, with runs in progress awaited, before
 * the pool closes.
 */
export function installReconciliation(app: ServiceApp, ctx: BillingContext): Reconciler {
  const reconciler = createReconciler(ctx, app.log, reconciliationMetrics(app.metrics));
  app.addHook('onReady', async () => reconciler.schedule(ctx.settings.RECONCILE_INTERVAL_MINUTES));
  app.addHook('preClose', async () => reconciler.stop());
  return reconciler;
}
