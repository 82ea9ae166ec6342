// Account links: single-use URLs of the emulator's hosted onboarding page, valid 5 minutes.
import type { FastifyInstance } from 'fastify';
import { invalidParam } from '../core/errors.ts';
import { newSecret } from '../core/ids.ts';
import { registerRoute, type RouteDeps } from '../http/route.ts';
import type { Controller } from './accounts.model.ts';
import { findAccount } from './accounts.service.ts';

export const ACCOUNT_LINK_TTL_SECONDS = 300;
export const ONBOARDING_PATH = '/connect/onboarding';

export function accountLinkRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerRoute(app, deps, 'POST', '/v1/account_links', ({ k, ctx, params }) => {
    const account = findAccount(k, ctx, String(params.account));
    if (account.id === k.store.platformAccountId)
      throw invalidParam('You cannot create an account link for the platform account.', 'account');
    const collection = (account.data.controller as Controller).requirement_collection;
    if (params.type === 'account_update' && collection !== 'application') {
      throw invalidParam(
        '`account_update` links are only available for accounts where the platform collects requirements (Custom accounts).',
        'type',
      );
    }
    const created = k.clock.now();
    const token = newSecret('acctlink', 24);
    k.store.insert({ id: token, object: 'account_link_session' }, account.id, {
      account: account.id,
      type: params.type,
      refresh_url: params.refresh_url ?? null,
      return_url: params.return_url ?? null,
      expires_at: created + ACCOUNT_LINK_TTL_SECONDS,
      used: false,
    });
    return {
      object: 'account_link',
      created,
      expires_at: created + ACCOUNT_LINK_TTL_SECONDS,
      url: `${ctx.baseUrl}${ONBOARDING_PATH}/${token}`,
    };
  });
}
