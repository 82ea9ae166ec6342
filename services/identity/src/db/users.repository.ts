import { and, eq } from 'drizzle-orm';
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

/** GDPR erasure: keep an anonymous tombstone so ids referenced elsewhere stay resolvable. */
export async function anonymiseUser(tx: Tx, userId: string, deletedAt: Date): Promise<void> {
  await tx
    .update(users)
    .set({
      email: `deleted+${userId}@invalid.tourconnect`,
      displayName: '',
      passwordHash: null,
      status: 'deleted',
      deletedAt,
      updatedAt: deletedAt,
    })
    .where(eq(users.id, userId));
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
}
