import type { Db } from '@tourconnect/db';
import type { Publish, SubjectOf } from '@tourconnect/events';
import type { AuthUser } from '@tourconnect/service-kit';
import type { PartnersSettings } from '../config.ts';
import type { BlobStore } from '@tourconnect/storage';

/** What the use cases and event handlers need; built once by app.ts. */
export interface PartnersContext {
  db: Db;
  /** Writes one of the partners service's events to the outbox, in the caller's transaction. */
  publish: Publish<SubjectOf<'partners'>>;
  settings: PartnersSettings;
  /** Documents and logos (local disk or S3). */
  store: BlobStore;
}

/** The signed-in user a use case acts for: the verified token's `request.user`. */
export type Caller = AuthUser;

/** Facts about the request (or event) besides who asks: its id correlates events and audit entries. */
export interface RequestMeta {
  correlationId?: string | undefined;
}
