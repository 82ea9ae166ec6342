import type { Db } from '@tourconnect/db';
import type { Publish, SubjectOf } from '@tourconnect/events';
import type { BlobStore } from '@tourconnect/storage';
import type { BundlingSettings } from '../config.ts';

/** What bundling's use cases need; built once by app.ts when the service boots. */
export interface BundlingContext {
  db: Db;
  /** Writes bundling's own events (contracts in proto/) to the outbox in the caller's transaction. */
  publish: Publish<SubjectOf<'bundling'>>;
  settings: BundlingSettings;
  /** Item and package images (local disk or S3). */
  store: BlobStore;
}
