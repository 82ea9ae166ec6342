import { z } from 'zod';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BillingContext } from '../domain/context.ts';
import { receiveStripeEvent, verifyStripeEvent } from '../domain/stripe-webhook.ts';

const received = z.object({ received: z.literal(true) });

/**
 * Stripe's webhook deliveries (platform and Connect endpoints). The signature covers the exact
 * bytes Stripe sent, so this route keeps the body as a Buffer: its own content-type parser,
 * in a scope of its own, leaves every other route's JSON parsing alone.
 */
export async function webhooksRoutes(app: ServiceApp, ctx: BillingContext): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1_048_576 }, (_request, body, done) => {
      done(null, body);
    });
    scope.post(
      '/api/billing/webhooks/stripe',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Stripe events (signed with the endpoint secret; stored once, applied once)',
          description:
            '400 webhook_signature_invalid when the Stripe-Signature header is missing, does not match the body or is older than 5 minutes; nothing is stored then.',
          response: { 200: received },
        },
      },
      async (request) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const event = verifyStripeEvent(ctx, raw, request.headers['stripe-signature'], request.log);
        await receiveStripeEvent(ctx, event, request.log);
        return { received: true as const };
      },
    );
  });
}
