import type { Db } from '@tourconnect/db';
import type { Publish, SubjectOf } from '@tourconnect/events';
import type { IdentitySettings } from '../config.ts';
import type { Passwords } from './passwords.ts';
import type { SigningKeys } from './signing-keys.ts';

/** What identity's use cases need; built once by app.ts when the service boots. */
export interface IdentityContext {
  db: Db;
  /** Writes identity's events to the outbox in the caller's transaction. */
  publish: Publish<SubjectOf<'identity'>>;
  settings: IdentitySettings;
  /** The key pair access tokens are signed with (and the JWKS publishes). */
  keys: SigningKeys;
  passwords: Passwords;
}

/** Who is asking, for throttling, correlation and the audit log. */
export interface RequestMeta {
  ip: string;
  correlationId?: string;
}
