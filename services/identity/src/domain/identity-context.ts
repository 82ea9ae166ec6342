import type { Db } from '@tourconnect/db';
import type { EventBus } from '@tourconnect/events';
import type { IdentitySettings } from '../config.ts';
import type { SigningKeys } from './signing-keys.ts';

/** What the use cases need; built once by app.ts. */
export interface IdentityContext {
  db: Db;
  bus: EventBus;
  keys: SigningKeys;
  settings: IdentitySettings;
}

/** Who is asking, for throttling, correlation and the audit log. */
export interface RequestMeta {
  ip: string;
  correlationId?: string;
}
