// Fee model and funds availability, adjustable at runtime (GET/POST /_emulator/config).
import type { FastifyInstance } from 'fastify';
import { invalidParam } from '../core/errors.ts';
import type { Kernel } from '../kernel.ts';
import { answer, bodyOf } from './http-helpers.ts';
import { clone } from '../core/clone.ts';

function nonNegativeInteger(value: unknown, param: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0)
    throw invalidParam(`Invalid ${param}: a non-negative integer is required`, param);
  return number;
}

export function settingsRoutes(app: FastifyInstance, k: Kernel): void {
  app.get('/_emulator/config', async () => k.store.settings);

  app.post('/_emulator/config', (request, reply) =>
    answer(reply, () => {
      const body = bodyOf(request);
      const next = clone(k.store.settings);
      const fees = body.fees as Record<string, unknown> | undefined;
      if (fees?.percent_bps !== undefined)
        next.fees.percent_bps = nonNegativeInteger(fees.percent_bps, 'fees[percent_bps]');
      const fixed = fees?.fixed as Record<string, unknown> | undefined;
      for (const [currency, amount] of Object.entries(fixed ?? {}))
        next.fees.fixed[currency.toLowerCase()] = nonNegativeInteger(amount, `fees[fixed][${currency}]`);
      if (body.availability_delay_days !== undefined)
        next.availability_delay_days = nonNegativeInteger(body.availability_delay_days, 'availability_delay_days');
      k.store.settings = next;
      k.store.changed();
      return next;
    }),
  );
}
