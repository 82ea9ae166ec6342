import { partnerTypes, type FeeConfig, type FeeRuleView, type PutFeeRuleBody } from '@tourconnect/contracts/http';
import { AppError, notFound } from '@tourconnect/service-kit';
import type { Executor } from '@tourconnect/db';
import {
  appendFeeAudit,
  deleteFeeRule,
  feePartners,
  findFeeRule,
  listFeeRules,
  upsertFeeRule,
  type FeeRuleRow,
} from '../db/fees.repository.ts';
import type { BillingContext } from './context.ts';
import { FeeError, assertFeeRule, feeBpsResolver, type FeeScope } from './fees.ts';

/** The admin's fee configuration and the fee lookups the payment flow needs. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** PLATFORM_FEE_BPS (config.ts validates it to 1000–2000 and defaults it to DEFAULT_FEE_BPS). */
export function defaultFeeBps(ctx: Pick<BillingContext, 'settings'>): number {
  return ctx.settings.PLATFORM_FEE_BPS;
}

export async function feeConfig(ctx: BillingContext): Promise<FeeConfig> {
  const rules = await listFeeRules(ctx.db);
  return { defaultBps: defaultFeeBps(ctx), rules: rules.map(toView) };
}

export async function setFeeRule(ctx: BillingContext, callerId: string, body: PutFeeRuleBody): Promise<FeeRuleView> {
  const rule = validRule(body);
  return ctx.db.transaction(async (tx) => {
    const before = await findFeeRule(tx, rule.scope, rule.scopeKey);
    const row = await upsertFeeRule(tx, rule, callerId);
    await appendFeeAudit(tx, {
      action: 'fee_rule.set',
      entityType: 'fee_rule',
      entityId: `${rule.scope}:${rule.scopeKey}`,
      actorId: callerId,
      actorRole: 'admin',
      data: { scope: rule.scope, scopeKey: rule.scopeKey, bps: rule.bps, previousBps: before?.bps ?? null },
    });
    return toView(row);
  });
}

export async function removeFeeRule(
  ctx: BillingContext,
  callerId: string,
  scope: FeeScope,
  scopeKey: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteFeeRule(tx, scope, scopeKey);
    if (!removed) throw notFound('Fee rule');
    await appendFeeAudit(tx, {
      action: 'fee_rule.removed',
      entityType: 'fee_rule',
      entityId: `${scope}:${scopeKey}`,
      actorId: callerId,
      actorRole: 'admin',
      data: { scope, scopeKey, previousBps: removed.bps },
    });
  });
}

/**
 * feeBps for splitPayment: the rules and partner types as they are now, read once in the
 * payment's transaction.
 */
export async function bookingFeeBps(
  db: Executor,
  partnerIds: readonly string[],
  defaultBps: number,
): Promise<(partnerId: string) => number> {
  const [rules, partners] = await Promise.all([listFeeRules(db), feePartners(db, partnerIds)]);
  return feeBpsResolver(partners, rules, defaultBps);
}

function validRule(body: PutFeeRuleBody) {
  try {
    const rule = assertFeeRule({ scope: body.scope, scopeKey: body.scopeKey, bps: body.bps });
    if (rule.scope === 'partner' && !UUID.test(rule.scopeKey)) {
      throw new FeeError('fee_scope_invalid', 'a partner rule is keyed by the partner id');
    }
    if (rule.scope === 'partner_type' && !(partnerTypes as readonly string[]).includes(rule.scopeKey)) {
      throw new FeeError('fee_scope_invalid', `a partner type rule is keyed by one of ${partnerTypes.join(', ')}`);
    }
    return rule;
  } catch (error) {
    if (!(error instanceof FeeError)) throw error;
    const path = error.code === 'fee_out_of_range' ? 'bps' : 'scopeKey';
    throw new AppError(422, error.code, error.message, [{ path, code: error.code, message: error.message }]);
  }
}

function toView(row: FeeRuleRow): FeeRuleView {
  return { scope: row.scope, scopeKey: row.scopeKey, bps: row.bps, updatedAt: row.updatedAt.toISOString() };
}
