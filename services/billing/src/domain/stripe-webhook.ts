import type Stripe from 'stripe';
import { AppError } from '@tourconnect/service-kit';
import { insertStripeEvent, markStripeEventProcessed, stripeEventStored } from '../db/stripe-events.repository.ts';
import { prefetchStripeEvent, stripeEventHandlers } from '../stripe/handlers/index.ts';
import type { BillingContext } from './context.ts';

/** Stripe's own default: a signature older than this is a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

interface WebhookLogger {
  warn(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
}

export const webhookSignatureInvalid = () =>
  new AppError(400, 'webhook_signature_invalid', 'The Stripe-Signature header does not verify this body');

/**
 * The event, when the Stripe-Signature header signs exactly these bytes with one of the
 * endpoints' secrets within the tolerance; otherwise a logged 400 and nothing else.
 */
export function verifyStripeEvent(
  ctx: BillingContext,
  raw: Buffer,
  header: string | string[] | undefined,
  log: WebhookLogger,
): Stripe.Event {
  const secrets = ctx.settings.STRIPE_WEBHOOK_SECRET ?? [];
  const signature = Array.isArray(header) ? header[0] : header;
  if (signature && raw.length > 0) {
    for (const secret of secrets) {
      try {
        return ctx.stripe.webhooks.constructEvent(raw, signature, secret, WEBHOOK_TOLERANCE_SECONDS);
      } catch {
        // Try the next endpoint's secret; a body no secret verifies is refused below.
      }
    }
  }
  log.warn(
    { signed: Boolean(signature), bytes: raw.length, secrets: secrets.length },
    'stripe webhook refused: signature missing, invalid or stale',
  );
  throw webhookSignatureInvalid();
}

/**
 * Stores the event once and applies it in the same transaction: a duplicate (same id) is
 * answered 200 and changes nothing; a failing handler rolls the storing back, so Stripe's
 * retry applies it later.
 */
export async function receiveStripeEvent(
  ctx: BillingContext,
  event: Stripe.Event,
  log: WebhookLogger,
): Promise<string> {
  // Stripe reads a handler needs happen here, outside the transaction (and not for a duplicate).
  if (!(await stripeEventStored(ctx.db, event.id))) await prefetchStripeEvent(event, ctx);
  const outcome = await ctx.db.transaction(async (tx) => {
    const stored = await insertStripeEvent(tx, {
      id: event.id,
      type: event.type,
      account: event.account ?? null,
      stripeCreatedAt: new Date(event.created * 1000),
      payload: event,
    });
    if (!stored) return 'duplicate';
    const handler = stripeEventHandlers[event.type];
    const result = handler ? await handler(tx, event, ctx) : 'ignored: type not handled';
    await markStripeEventProcessed(tx, event.id, result);
    return result;
  });
  log.info({ stripeEvent: event.id, type: event.type, outcome }, 'stripe event received');
  return outcome;
}
