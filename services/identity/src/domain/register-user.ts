import { randomUUID } from 'node:crypto';
import type { Locale, Role } from '@tourconnect/contracts/http';
import { findUserByEmail, insertRole, insertUser } from '../db/users.repository.ts';
import { audit } from './audit.ts';
import { emailTaken } from './identity-errors.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { issueSession, type IssuedSession } from './sessions.ts';

export interface Registration {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
}

const NEW_USER_ROLES: Role[] = ['traveller'];

/**
 * Creates a traveller account and its first session. The user, role, session, event and
 * audit entry commit together; a taken e-mail (already lower-cased) writes nothing.
 */
export async function registerUser(
  ctx: IdentityContext,
  input: Registration,
  meta: RequestMeta,
): Promise<IssuedSession> {
  // Cheap pre-check so a duplicate does not pay for Argon2; the unique index still decides.
  if (await findUserByEmail(ctx.db, input.email)) throw emailTaken();
  const passwordHash = await ctx.passwords.hash(input.password);
  return ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    const user = await insertUser(tx, {
      id,
      email: input.email,
      displayName: input.displayName,
      locale: input.locale,
      passwordHash,
    });
    if (!user) throw emailTaken();
    for (const role of NEW_USER_ROLES) await insertRole(tx, { userId: id, role });
    const issued = await issueSession(ctx, tx, { ...user, roles: NEW_USER_ROLES });
    await ctx.publish(
      tx,
      'identity.user.registered.v1',
      { userId: id, email: user.email, displayName: user.displayName, roles: NEW_USER_ROLES, locale: user.locale },
      { audience: [id], correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'user.registered',
      entityType: 'user',
      entityId: id,
      actorId: id,
      actorRole: 'traveller',
      data: { roles: NEW_USER_ROLES, locale: user.locale },
      correlationId: meta.correlationId ?? null,
    });
    return issued;
  });
}
