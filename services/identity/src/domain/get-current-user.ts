import type { User } from '@tourconnect/contracts/http';
import { findUserById, withRoles } from '../db/users.repository.ts';
import { accountGone } from './identity-errors.ts';
import type { IdentityContext } from './context.ts';
import { toUserView } from './user-view.ts';

/** The caller as stored now (roles may have changed since the token was signed). */
export async function getCurrentUser(ctx: IdentityContext, callerId: string): Promise<User> {
  const user = await findUserById(ctx.db, callerId);
  // A still-unexpired token of a deleted account must not keep working here.
  if (!user || user.status !== 'active') throw accountGone();
  return toUserView(await withRoles(ctx.db, user));
}
