import type { Locale, User } from '@tourconnect/contracts/http';
import type { UserWithRoles } from '../db/users.repository.ts';

export function toUserView(user: UserWithRoles): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    locale: user.locale as Locale,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}
