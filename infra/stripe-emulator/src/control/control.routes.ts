// The /_emulator control surface for tests and demos: clock, faults, webhook attempts,
// onboarding and payout-failure shortcuts, fee configuration, reconciliation and reset.
// Bodies may be JSON or form-encoded. Errors use Stripe's envelope.
import type { FastifyInstance } from 'fastify';
import { invalidParam, resourceMissing } from '../core/errors.ts';
import { answer, bodyOf } from './http-helpers.ts';
import { systemOrigin, type Kernel } from '../kernel.ts';
import { completeOnboarding } from '../resources/accounts.service.ts';
import { PAYOUT_FAILURES } from '../resources/bank-accounts.ts';
import { TEST_PAYMENT_METHODS } from '../resources/payment-methods.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import { reconcile } from './reconcile.ts';
import { settingsRoutes } from './settings.routes.ts';

export interface ControlDeps {
  k: Kernel;
  scheduler: Scheduler;
  reset: () => void;
}

const SECONDS_PER: Record<string, number> = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 };

function advanceSeconds(body: Record<string, unknown>): number {
  let total = 0;
  for (const [key, value] of Object.entries(body)) {
    const unit = SECONDS_PER[key];
    if (unit === undefined) throw invalidParam(`Received unknown parameter: ${key}`, key, 'parameter_unknown');
    const amount = Number(value);
    if (!Number.isFinite(amount) || amount < 0)
      throw invalidParam(`Invalid ${key}: a non-negative number is required`, key);
    total += amount * unit;
  }
  if (total === 0)
    throw invalidParam('Give seconds, minutes, hours or days to advance by.', 'seconds', 'parameter_missing');
  return total;
}

function failureCode(value: unknown, param: string): string | null {
  if (value === null || value === '' || value === undefined) return null;
  const code = String(value);
  if (!(code in PAYOUT_FAILURES))
    throw invalidParam(`Invalid ${param}: must be one of ${Object.keys(PAYOUT_FAILURES).join(', ')}`, param);
  return code;
}

function clockView(k: Kernel) {
  const now = k.clock.now();
  return { now, iso: new Date(now * 1000).toISOString(), offset_seconds: Math.round(k.clock.offset / 1000) };
}

export function controlRoutes(app: FastifyInstance, deps: ControlDeps): void {
  const { k, scheduler } = deps;

  app.get('/_emulator', async () => ({
    platform_account: k.store.platformAccountId,
    api_version: k.apiVersion,
    test_payment_methods: Object.keys(TEST_PAYMENT_METHODS),
    payout_failure_codes: Object.keys(PAYOUT_FAILURES),
    clock: clockView(k),
  }));

  app.get('/_emulator/health', async () => ({ status: 'ok' }));

  app.post('/_emulator/reset', async () => {
    deps.reset();
    return { reset: true, platform_account: k.store.platformAccountId };
  });

  app.get('/_emulator/clock', async () => clockView(k));

  app.post('/_emulator/clock/advance', (request, reply) =>
    answer(reply, () => ({ ...scheduler.advance(advanceSeconds(bodyOf(request))), clock: clockView(k) })),
  );

  app.get('/_emulator/faults', async () => k.faults.settings);
  app.post('/_emulator/faults', (request, reply) => answer(reply, () => k.faults.update(bodyOf(request))));
  app.delete('/_emulator/faults', async () => {
    k.faults.reset();
    return k.faults.settings;
  });

  app.get('/_emulator/webhook_attempts', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const data = k.store.attempts
      .filter(
        (a) =>
          (!query.event || a.event === query.event) &&
          (!query.endpoint || a.endpoint === query.endpoint) &&
          (!query.outcome || a.outcome === query.outcome),
      )
      .slice()
      .reverse();
    return { object: 'list', data, pending_deliveries: k.store.deliveries.length };
  });

  app.post('/_emulator/accounts/:id/onboard', (request, reply) =>
    answer(reply, () => {
      const { id } = request.params as { id: string };
      const account = k.store.find('account', id, k.store.platformAccountId);
      if (!account || account.internal.deleted || id === k.store.platformAccountId)
        throw resourceMissing('account', id);
      const body = bodyOf(request);
      const bankToken = typeof body.bank === 'string' ? body.bank : 'btok_us_verified';
      completeOnboarding(
        k,
        account,
        {
          businessName: 'Demo Tours',
          url: 'https://demo-tours.invalid',
          firstName: 'Jenny',
          lastName: 'Rosen',
          bankToken,
        },
        systemOrigin(id),
      );
      return account.data;
    }),
  );

  app.post('/_emulator/accounts/:id/payout_failure', (request, reply) =>
    answer(reply, () => {
      const { id } = request.params as { id: string };
      const account = k.store.find('account', id, k.store.platformAccountId);
      if (!account) throw resourceMissing('account', id);
      account.internal.payoutFailureCode = failureCode(bodyOf(request).failure_code, 'failure_code');
      k.store.changed();
      return { account: id, failure_code: account.internal.payoutFailureCode };
    }),
  );

  app.post('/_emulator/payouts/:id/fail', (request, reply) =>
    answer(reply, () => {
      const { id } = request.params as { id: string };
      const payout = k.store.find('payout', id);
      if (!payout) throw resourceMissing('payout', id);
      if (payout.data.status !== 'pending' && payout.data.status !== 'in_transit')
        throw invalidParam(`Payout ${id} is already ${String(payout.data.status)}.`, 'payout');
      payout.internal.failureCode = failureCode(bodyOf(request).failure_code ?? 'could_not_process', 'failure_code');
      k.store.changed();
      return { payout: id, failure_code: payout.internal.failureCode, fails_at: payout.data.arrival_date };
    }),
  );

  app.get('/_emulator/reconcile', async () => reconcile(k));

  settingsRoutes(app, k);
}
