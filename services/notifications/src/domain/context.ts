import type { Db } from '@tourconnect/db';
import type { Publish, SubjectOf } from '@tourconnect/events';
import type { NotificationsSettings } from '../config.ts';
import type { LinkSealer } from './link-sealer.ts';

/** What the use cases need; built once by app.ts. */
export interface NotificationsContext {
  db: Db;
  publish: Publish<SubjectOf<'notifications'>>;
  settings: NotificationsSettings;
  sealer: LinkSealer;
  /** Tells the mail sender something was queued (it also polls, so a missed wake only delays). */
  wakeSender(): void;
}
