import { findRefreshTokenForUpdate, revokeFamily } from '../db/refresh-tokens.repository.ts';
import type { IdentityContext } from './context.ts';
import { digestSecret } from './opaque-secrets.ts';

/** Ends the session the cookie belongs to (its whole family). Without a cookie: nothing to do. */
export async function logout(ctx: IdentityContext, token: string | undefined): Promise<void> {
  if (!token) return;
  await ctx.db.transaction(async (tx) => {
    const row = await findRefreshTokenForUpdate(tx, digestSecret(token));
    if (row) await revokeFamily(tx, row.familyId, new Date());
  });
}
