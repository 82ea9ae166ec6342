// GET shows the issuer's challenge of a PaymentIntent waiting in `requires_action`; POST ends it
// (outcome=complete|fail) and redirects (303) to the confirmation's return_url with
// payment_intent, payment_intent_client_secret and redirect_status, as Stripe does.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { formatAmount } from '../core/currency.ts';
import type { FormObject } from '../core/form-parser.ts';
import type { Kernel } from '../kernel.ts';
import {
  AUTHENTICATION_PATH,
  finishAuthentication,
  openSession,
  returnTarget,
} from '../resources/three-d-secure.service.ts';
import { challengePage, messagePage } from './authentication-page.ts';

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

const stale = (reply: FastifyReply) =>
  html(
    reply,
    404,
    messagePage(
      'Authentication not available',
      'This payment is not waiting for authentication (it was completed, failed or confirmed again).',
    ),
  );

export function authenticationRoutes(app: FastifyInstance, k: Kernel): void {
  app.get(`${AUTHENTICATION_PATH}/:token`, async (request, reply) => {
    const { token } = request.params as { token: string };
    const session = openSession(k, token);
    if (!session) return stale(reply);
    const intent = session.intent.data;
    const paymentMethod = k.store.get(String(intent.payment_method))?.data.card as { last4?: string } | undefined;
    return html(
      reply,
      200,
      challengePage({
        action: `${AUTHENTICATION_PATH}/${token}`,
        amount: formatAmount(Number(intent.amount), String(intent.currency)),
        merchant: String(intent.description ?? 'TOURCONNECT'),
        card: `•••• ${paymentMethod?.last4 ?? '????'}`,
      }),
    );
  });

  app.post(`${AUTHENTICATION_PATH}/:token`, async (request, reply) => {
    const { token } = request.params as { token: string };
    const session = openSession(k, token);
    if (!session) return stale(reply);
    const form = (request.body ?? {}) as FormObject;
    const outcome = finishAuthentication(k, session, form.outcome === 'complete');
    const target = returnTarget(session, outcome);
    if (target) return reply.redirect(target, 303);
    return html(
      reply,
      200,
      outcome === 'succeeded'
        ? messagePage('Authentication complete', 'The payment was authenticated. You can close this page.')
        : messagePage('Authentication failed', 'The payment was not authenticated. You can close this page.'),
    );
  });
}
