// GET shows the onboarding form of a live account link; POST completes onboarding (emitting
// account.updated) and redirects to the link's return_url. Expired or used links redirect
// to refresh_url, as Stripe's do.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FormObject } from '../core/form-parser.ts';
import { systemOrigin, type Kernel } from '../kernel.ts';
import { completeOnboarding } from '../resources/accounts.service.ts';
import { ONBOARDING_PATH } from '../resources/account-links.routes.ts';
import type { StoredRecord } from '../state/types.ts';
import { messagePage, onboardingForm } from './onboarding-page.ts';

const BANK_TOKENS = new Set([
  'btok_us_verified',
  'btok_us_verified_noAccount',
  'btok_us_verified_accountClosed',
  'btok_us_verified_insufficientFunds',
]);

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

/** The link when still usable; otherwise answers (redirect or error page) and returns undefined. */
function usableLink(k: Kernel, token: string, reply: FastifyReply): StoredRecord | undefined {
  const link = k.store.find('account_link_session', token);
  if (!link) {
    html(reply, 404, messagePage('Link not found', 'This account link does not exist.'));
    return undefined;
  }
  const expired = Number(link.internal.expires_at) <= k.clock.now() || link.internal.used === true;
  if (!expired) return link;
  const refresh = link.internal.refresh_url;
  if (typeof refresh === 'string') reply.redirect(refresh, 303);
  else
    html(
      reply,
      410,
      messagePage('Link expired', 'This account link has expired or was already used. Create a new one.'),
    );
  return undefined;
}

export function onboardingRoutes(app: FastifyInstance, k: Kernel): void {
  app.get(`${ONBOARDING_PATH}/:token`, async (request, reply) => {
    const { token } = request.params as { token: string };
    const link = usableLink(k, token, reply);
    if (!link) return reply;
    return html(reply, 200, onboardingForm(String(link.internal.account), `${ONBOARDING_PATH}/${token}`));
  });

  app.post(`${ONBOARDING_PATH}/:token`, async (request, reply) => {
    const { token } = request.params as { token: string };
    const link = usableLink(k, token, reply);
    if (!link) return reply;
    const account = k.store.find('account', String(link.internal.account));
    if (!account || account.internal.deleted)
      return html(reply, 404, messagePage('Account not found', 'The account was deleted.'));
    const form = (request.body ?? {}) as FormObject;
    const field = (name: string, fallback: string) =>
      typeof form[name] === 'string' && form[name] ? String(form[name]) : fallback;
    const bank = field('bank', 'btok_us_verified');
    completeOnboarding(
      k,
      account,
      {
        businessName: field('business_name', 'Demo Tours'),
        url: field('url', 'https://demo-tours.invalid'),
        firstName: field('first_name', 'Jenny'),
        lastName: field('last_name', 'Rosen'),
        bankToken: BANK_TOKENS.has(bank) ? bank : 'btok_us_verified',
      },
      systemOrigin(account.id),
    );
    link.internal.used = true;
    k.store.changed();
    const target = link.internal.return_url;
    if (typeof target === 'string') return reply.redirect(target, 303);
    return html(reply, 200, messagePage('You are all set', 'Onboarding is complete. You can close this page.'));
  });
}
