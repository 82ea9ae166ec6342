import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { roles as allRoles, type Role } from '@tourconnect/contracts/http';
import { userRoles, users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;
export type UserWithRoles = UserRow & { roles: Role[] };

export async function findUserByEmail(ex: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await ex.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function findUserById(
  ex: Executor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<UserRow | undefined> {
  const query = ex.select().from(users).where(eq(users.id, id)).limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Undefined when the e-mail is taken (the unique index decides, so concurrent sign-ups are safe). */
export async function insertUser(tx: Tx, row: typeof users.$inferInsert): Promise<UserRow | undefined> {
  const [inserted] = await tx.insert(users).values(row).onConflictDoNothing({ target: users.email }).returning();
  return inserted;
}

/** True when the role is new; granting a role the user holds is a no-op. */
export async function insertRole(
  tx: Tx,
  grant: { userId: string; role: Role; partnerId?: string | null; grantedBy?: string | null },
): Promise<boolean> {
  const inserted = await tx.insert(userRoles).values(grant).onConflictDoNothing().returning({ role: userRoles.role });
  return inserted.length > 0;
}

/** True when a grant was removed; `partnerId` narrows it to the grant for that partner. */
export async function deleteRole(
  tx: Tx,
  grant: { userId: string; role: Role; partnerId?: string | undefined },
): Promise<boolean> {
  const removed = await tx
    .delete(userRoles)
    .where(
      and(
        eq(userRoles.userId, grant.userId),
        eq(userRoles.role, grant.role),
        ...(grant.partnerId ? [eq(userRoles.partnerId, grant.partnerId)] : []),
      ),
    )
    .returning({ role: userRoles.role });
  return removed.length > 0;
}

/** The partner a user's 'partner' role is for, if they hold one (a user acts for one partner). */
export async function findPartnerOfUser(ex: Executor, userId: string): Promise<string | undefined> {
  const [row] = await ex
    .select({ partnerId: userRoles.partnerId })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, 'partner')));
  return row?.partnerId ?? undefined;
}

/** Everyone holding the 'partner' role for this partner (its owner and members). */
export async function listPartnerRoleHolders(ex: Executor, partnerId: string): Promise<string[]> {
  const rows = await ex
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(and(eq(userRoles.role, 'partner'), eq(userRoles.partnerId, partnerId)));
  return rows.map((r) => r.userId);
}

/** In the canonical order of the contract, so tokens and responses are stable. */
export async function listRoles(ex: Executor, userId: string): Promise<Role[]> {
  const rows = await ex.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  const held = new Set(rows.map((r) => r.role));
  return allRoles.filter((role) => held.has(role));
}

export async function withRoles(ex: Executor, user: UserRow): Promise<UserWithRoles> {
  return { ...user, roles: await listRoles(ex, user.id) };
}

export async function updatePasswordHash(ex: Executor, userId: string, passwordHash: string): Promise<void> {
  await ex
    .update(users)
    .set({ passwordHash, updatedAt: new Date() })
    .where(and(eq(users.id, userId), eq(users.status, 'active')));
}

/** True when the address was not verified before (verifying twice changes nothing). */
export async function markEmailVerified(tx: Tx, userId: string, at: Date): Promise<boolean> {
  const changed = await tx
    .update(users)
    .set({ emailVerifiedAt: at, updatedAt: at })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt), eq(users.status, 'active')))
    .returning({ id: users.id });
  return changed.length > 0;
}

export async function updateProfile(
  tx: Tx,
  userId: string,
  patch: { displayName?: string; locale?: string },
): Promise<UserRow | undefined> {
  const [row] = await tx
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(users.id, userId), eq(users.status, 'active')))
    .returning();
  return row;
}

const UNIQUE_VIOLATION = '23505';

function pgCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; cause?: { code?: unknown } };
  const code = candidate.code ?? candidate.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Moves the account to a proven new address. `users_email_uq` decides a race for the address;
 * the savepoint keeps the caller's transaction usable when it is lost.
 */
export async function updateEmail(
  tx: Tx,
  userId: string,
  email: string,
  verifiedAt: Date,
): Promise<{ ok: true } | { ok: false; reason: 'duplicate' }> {
  try {
    await tx.transaction(async (sp) => {
      await sp
        .update(users)
        .set({ email, emailVerifiedAt: verifiedAt, updatedAt: verifiedAt })
        .where(eq(users.id, userId));
    });
    return { ok: true };
  } catch (error) {
    if (pgCode(error) === UNIQUE_VIOLATION) return { ok: false, reason: 'duplicate' };
    throw error;
  }
}

/** Replicas booting together with ADMIN_EMAIL set must not each create the admin. */
export async function lockBootstrapAdmin(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('tourconnect.identity.bootstrap_admin', 0))`);
}

/** GDPR erasure: keep an anonymous tombstone so ids referenced elsewhere stay resolvable. */
export async function anonymiseUser(tx: Tx, userId: string, deletedAt: Date): Promise<void> {
  await tx
    .update(users)
    .set({
      email: `deleted+${userId}@invalid.tourconnect`,
      displayName: '',
      passwordHash: null,
      emailVerifiedAt: null,
      status: 'deleted',
      deletedAt,
      updatedAt: deletedAt,
    })
    .where(eq(users.id, userId));
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
}
