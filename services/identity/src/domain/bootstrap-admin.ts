import { randomUUID } from 'node:crypto';
import type { Role } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import {
  findUserByEmail,
  insertRole,
  insertUser,
  listRoles,
  lockBootstrapAdmin,
  markEmailVerified,
  type UserRow,
} from '../db/users.repository.ts';
import { audit } from './audit.ts';
import type { IdentityContext } from './context.ts';
import { grantRole } from './grant-role.ts';

export type BootstrapOutcome = 'created' | 'promoted' | 'verified' | 'unchanged';

const ADMIN_ROLES: Role[] = ['traveller', 'admin'];

/**
 * Makes sure ADMIN_EMAIL is a verified admin. Idempotent across boots and replicas (advisory
 * lock): creates the account once, promotes an existing account, and otherwise changes
 * nothing; ADMIN_PASSWORD is used only when the account is created, never to reset it. The
 * operator names the address, which is the proof of it: no verification link is sent.
 */
export async function bootstrapAdmin(ctx: IdentityContext, email: string, password: string): Promise<BootstrapOutcome> {
  const existing = await findUserByEmail(ctx.db, email);
  if (existing?.emailVerifiedAt && (await listRoles(ctx.db, existing.id)).includes('admin')) return 'unchanged';
  const passwordHash = existing ? null : await ctx.passwords.hash(password);
  return ctx.db.transaction(async (tx) => {
    await lockBootstrapAdmin(tx);
    const user = await findUserByEmail(tx, email);
    if (user) {
      const promoted = await grantRole(ctx, tx, { userId: user.id, role: 'admin', cause: 'bootstrap' });
      const verified = await verifyAdminAddress(tx, user);
      return promoted ? 'promoted' : verified ? 'verified' : 'unchanged';
    }
    await createAdmin(ctx, tx, email, passwordHash ?? (await ctx.passwords.hash(password)));
    return 'created';
  });
}

async function createAdmin(ctx: IdentityContext, tx: Tx, email: string, passwordHash: string): Promise<void> {
  const id = randomUUID();
  const emailVerifiedAt = new Date();
  await insertUser(tx, { id, email, displayName: 'Administrator', locale: 'en', passwordHash, emailVerifiedAt });
  for (const role of ADMIN_ROLES) await insertRole(tx, { userId: id, role });
  await ctx.publish(
    tx,
    'identity.user.registered.v1',
    { userId: id, email, displayName: 'Administrator', roles: ADMIN_ROLES, locale: 'en' },
    { audience: [id] },
  );
  await audit(tx, {
    action: 'user.admin_bootstrapped',
    entityType: 'user',
    entityId: id,
    actorRole: 'system',
    data: { roles: ADMIN_ROLES, source: 'ADMIN_EMAIL' },
  });
}

/** An account promoted by ADMIN_EMAIL (or an admin from before verification existed) is verified too. */
async function verifyAdminAddress(tx: Tx, user: UserRow): Promise<boolean> {
  const now = new Date();
  if (!(await markEmailVerified(tx, user.id, now))) return false;
  await audit(tx, {
    action: 'user.email_verified',
    entityType: 'user',
    entityId: user.id,
    actorRole: 'system',
    data: { cause: 'ADMIN_EMAIL' },
    occurredAt: now,
  });
  return true;
}
