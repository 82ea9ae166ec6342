import { z } from 'zod';

/**
 * The platform fee an admin configures (GET/PUT/DELETE /api/admin/billing/fees). The most
 * specific rule wins for a partner: its own ('partner', key = partner id), then its type's
 * ('partner_type', key = the partner type), then the global one ('global', key '*'), then the
 * configured default. A rule is 1000–2000 basis points (10–20 %); a booking keeps the basis
 * points it was split with.
 */

export const feeRuleScopes = ['global', 'partner_type', 'partner'] as const;
export const feeRuleScopeSchema = z.enum(feeRuleScopes, { message: 'fee_scope_invalid' });
export type FeeRuleScope = z.infer<typeof feeRuleScopeSchema>;

export const MIN_PLATFORM_FEE_BPS = 1000;
export const MAX_PLATFORM_FEE_BPS = 2000;

/** Basis points, whole, 1000–2000 (the route answers 422 fee_out_of_range outside). */
export const feeBpsSchema = z.number().int({ message: 'fee_out_of_range' });

export const feeRuleSchema = z.object({
  scope: feeRuleScopeSchema,
  scopeKey: z.string(),
  bps: z.number().int(),
  updatedAt: z.string().meta({ format: 'date-time' }),
});
export type FeeRuleView = z.infer<typeof feeRuleSchema>;

export const feeConfigSchema = z.object({
  /** PLATFORM_FEE_BPS: what applies when no rule does. */
  defaultBps: z.number().int(),
  rules: z.array(feeRuleSchema),
});
export type FeeConfig = z.infer<typeof feeConfigSchema>;

export const putFeeRuleBodySchema = z.object({
  scope: feeRuleScopeSchema,
  /** '*' for the global rule, the partner type, or the partner's id. */
  scopeKey: z.string().trim().min(1, { message: 'fee_scope_invalid' }).max(100),
  bps: feeBpsSchema,
});
export type PutFeeRuleBody = z.infer<typeof putFeeRuleBodySchema>;

export const feeRuleParamsSchema = z.object({
  scope: feeRuleScopeSchema,
  scopeKey: z.string().min(1).max(100),
});
