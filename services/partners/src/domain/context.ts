import type { Db } from '@tourconnect/db';
import type { EventBus } from '@tourconnect/events';
import type { AuthUser } from '@tourconnect/service-kit';
import type { PartnersSettings } from '../config.ts';
import type { BlobStore } from '../storage/index.ts';

/** What the use cases need; built once by app.ts. */
export interface PartnersContext {
  db: Db;
  bus: EventBus;
  store: BlobStore;
  settings: PartnersSettings;
}

/** Who is asking: the verified token's user, plus the request's correlation id. */
export interface Caller {
  user: AuthUser;
  correlationId?: string;
}
