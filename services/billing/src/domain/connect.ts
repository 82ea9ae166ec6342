import type Stripe from 'stripe';
import type { AuthUser } from '@tourconnect/service-kit';
import type { Executor, Tx } from '@tourconnect/db';
import {
  appendConnectAudit,
  findAccountByPartner,
  findAccountByStripeId,
  insertAccount,
  updateAccountState,
  type AccountState,
  type PartnerAccountRow,
} from '../db/accounts.repository.ts';
import { findMembership, memberUserIds } from '../db/members.repository.ts';
import {
  connectUrlNotAllowed,
  notAPartner,
  partnerNotVerified,
  partnerRoleForbidden,
  stripeUnavailable,
} from './connect-errors.ts';
import type { BillingContext } from './context.ts';

/**
 * Stripe Connect onboarding: a verified partner gets one Express connected account (created
 * once, idempotency key `connect:<partnerId>`), onboards on Stripe's hosted page through an
 * account link, and billing follows the account's state from `account.updated` (or a re-read
 * when the partner comes back and the row is not enabled yet).
 */

export type ConnectStatus = 'none' | AccountState['status'];

export interface ConnectStatusView {
  status: ConnectStatus;
  accountId: string | null;
  requirementsDue: string[];
  transfersEnabled: boolean;
  payoutsEnabled: boolean;
}

export interface CallerPartner {
  partnerId: string;
  role: string;
  verified: boolean;
  country: string | null;
}

/** The partner the caller acts for, from billing's members projection by the token's user id. */
export async function callerPartner(db: Executor, callerId: string): Promise<CallerPartner> {
  const row = await findMembership(db, callerId);
  if (!row) throw notAPartner();
  return { partnerId: row.partnerId, role: row.role, verified: row.verified ?? false, country: row.country };
}

/** Only the portal's own pages may be Stripe's way back (no open redirect through Stripe). */
function portalLink(
  ctx: BillingContext,
  given: string | undefined,
  fallback: string,
  path: 'returnUrl' | 'refreshUrl',
) {
  const portal = new URL(ctx.settings.PUBLIC_PORTAL_URL);
  const url = new URL(given ?? fallback, portal);
  if (url.origin !== portal.origin) throw connectUrlNotAllowed(path);
  return url.toString();
}

const stripeCall = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    // Stripe's own refusals are billing's bugs or outages, never the partner's input.
    if (error && typeof error === 'object' && 'type' in error) throw stripeUnavailable();
    throw error;
  }
};

export interface OnboardRequest {
  returnUrl?: string | undefined;
  refreshUrl?: string | undefined;
}

/** Creates the partner's connected account once and returns a fresh onboarding link to it. */
export async function onboardPartner(ctx: BillingContext, caller: AuthUser, request: OnboardRequest) {
  const partner = await callerPartner(ctx.db, caller.id);
  if (partner.role !== 'owner' && partner.role !== 'manager') throw partnerRoleForbidden();
  if (!partner.verified) throw partnerNotVerified();
  const base = ctx.settings.PUBLIC_PORTAL_URL.replace(/\/$/, '');
  const returnUrl = portalLink(ctx, request.returnUrl, `${base}/partner/payouts?connect=return`, 'returnUrl');
  const refreshUrl = portalLink(ctx, request.refreshUrl, `${base}/partner/payouts?connect=refresh`, 'refreshUrl');
  let account = await findAccountByPartner(ctx.db, partner.partnerId);
  if (!account) account = await createAccount(ctx, caller, partner);
  const link = await stripeCall(() =>
    ctx.stripe.accountLinks.create({
      account: account.stripeAccountId,
      type: 'account_onboarding',
      return_url: returnUrl,
      refresh_url: refreshUrl,
    }),
  );
  return { accountId: account.stripeAccountId, url: link.url, status: account.status };
}

async function createAccount(
  ctx: BillingContext,
  caller: AuthUser,
  partner: CallerPartner,
): Promise<PartnerAccountRow> {
  // The same key for every attempt: a retry or a concurrent call gets the same account back.
  const created = await stripeCall(() =>
    ctx.stripe.accounts.create(
      {
        type: 'express',
        ...(partner.country ? { country: partner.country } : {}),
        capabilities: { transfers: { requested: true } },
        metadata: { partner_id: partner.partnerId },
      },
      { idempotencyKey: `connect:${partner.partnerId}` },
    ),
  );
  return ctx.db.transaction(async (tx) => {
    const { row, inserted } = await insertAccount(tx, {
      partnerId: partner.partnerId,
      stripeAccountId: created.id,
      holdingDays: ctx.settings.HOLDING_DAYS_DEFAULT,
    });
    if (inserted)
      await appendConnectAudit(tx, {
        action: 'partner_account.created',
        entityType: 'partner',
        entityId: partner.partnerId,
        actorId: caller.id,
        actorRole: partner.role,
        data: { stripeAccountId: created.id },
      });
    return row;
  });
}

/** What Stripe's account object says, in billing's terms (see README "Connect and payouts"). */
export function accountStateOf(account: Stripe.Account): AccountState {
  const requirements = account.requirements;
  const due = [...new Set([...(requirements?.currently_due ?? []), ...(requirements?.past_due ?? [])])].sort();
  const transfersActive = account.capabilities?.transfers === 'active';
  let status: AccountState['status'] = 'pending';
  if (transfersActive && due.length === 0 && !requirements?.disabled_reason) status = 'enabled';
  else if (account.details_submitted && (due.length > 0 || requirements?.disabled_reason)) status = 'restricted';
  return {
    status,
    requirementsDue: due,
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    transfersActive,
  };
}

const sameState = (row: PartnerAccountRow, state: AccountState) =>
  row.status === state.status &&
  row.chargesEnabled === state.chargesEnabled &&
  row.payoutsEnabled === state.payoutsEnabled &&
  row.transfersActive === state.transfersActive &&
  JSON.stringify([...row.requirementsDue].sort()) === JSON.stringify(state.requirementsDue);

/**
 * Applies a snapshot of the connected account (from `account.updated` or a re-read) in `tx`:
 * when anything changed, the row follows and billing.partner_account.updated.v1 tells the
 * partner's members, the admins and bundling. Returns the outcome stored with the Stripe event.
 */
export async function applyAccountSnapshot(
  ctx: BillingContext,
  tx: Tx,
  account: Stripe.Account,
  meta: { correlationId?: string | null | undefined } = {},
): Promise<string> {
  const row = await findAccountByStripeId(tx, account.id, { forUpdate: true });
  if (!row) return `ignored: no partner has account ${account.id}`;
  const state = accountStateOf(account);
  if (sameState(row, state)) return 'ignored: nothing changed';
  await updateAccountState(tx, row.partnerId, state);
  await ctx.publish(
    tx,
    'billing.partner_account.updated.v1',
    {
      partnerId: row.partnerId,
      stripeAccountId: row.stripeAccountId,
      status: state.status,
      transfersEnabled: state.transfersActive,
      payoutsEnabled: state.payoutsEnabled,
      requirementsDue: state.requirementsDue,
    },
    { audience: [...(await memberUserIds(tx, row.partnerId)), 'role:admin'], correlationId: meta.correlationId },
  );
  await appendConnectAudit(tx, {
    action: 'partner_account.updated',
    entityType: 'partner',
    entityId: row.partnerId,
    actorRole: 'system',
    data: { from: row.status, to: state.status, requirementsDue: state.requirementsDue },
    correlationId: meta.correlationId ?? null,
  });
  return `applied: ${row.status} → ${state.status}`;
}

const viewOf = (row: PartnerAccountRow | undefined): ConnectStatusView =>
  row
    ? {
        status: row.status,
        accountId: row.stripeAccountId,
        requirementsDue: row.requirementsDue,
        transfersEnabled: row.transfersActive,
        payoutsEnabled: row.payoutsEnabled,
      }
    : { status: 'none', accountId: null, requirementsDue: [], transfersEnabled: false, payoutsEnabled: false };

/**
 * The caller's partner's Connect state. While the account is not enabled it is re-read from
 * Stripe, so a partner back from onboarding sees the result at once even when the webhook is
 * late; should Stripe not answer, the stored state is shown.
 */
export async function connectStatus(ctx: BillingContext, caller: AuthUser): Promise<ConnectStatusView> {
  const partner = await callerPartner(ctx.db, caller.id);
  const row = await findAccountByPartner(ctx.db, partner.partnerId);
  if (!row || row.status === 'enabled') return viewOf(row);
  const fresh = await ctx.stripe.accounts.retrieve(row.stripeAccountId).catch(() => undefined);
  if (!fresh) return viewOf(row);
  await ctx.db.transaction((tx) => applyAccountSnapshot(ctx, tx, fresh));
  return viewOf(await findAccountByPartner(ctx.db, partner.partnerId));
}
