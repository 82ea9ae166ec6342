import { useSyncExternalStore } from 'react';
import type { Role } from '@contracts/http';
import { getSnapshot, hasRole, subscribe, type AuthSnapshot } from './session-store.ts';

export interface AuthState extends AuthSnapshot {
  isAuthenticated: boolean;
  hasRole: (...roles: Role[]) => boolean;
}

/** The signed-in user (or not), kept in sync with the in-memory session store. */
export function useAuth(): AuthState {
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  return {
    ...snapshot,
    isAuthenticated: snapshot.status === 'authenticated',
    hasRole: (...roles: Role[]) => hasRole(snapshot.user, ...roles),
  };
}
