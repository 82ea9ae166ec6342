// In-memory object store with the indexes the routes need (by id, by type, by type+owner).
// One instance holds the whole emulated Stripe; persistence snapshots it to JSON.
import type {
  ApiObject,
  DeliveryAttempt,
  DeliveryJob,
  EmulatorSettings,
  IdempotencyRecord,
  PersistedState,
  StoredRecord,
} from './types.ts';
import { clone } from '../core/clone.ts';

export const DEFAULT_SETTINGS: EmulatorSettings = {
  fees: { percent_bps: 290, fixed: { default: 30 } },
  availability_delay_days: 2,
};

export class Store {
  platformAccountId: string;
  clockOffsetMs: number;
  lastScheduledDay: number;
  settings: EmulatorSettings;
  idempotency = new Map<string, IdempotencyRecord>();
  deliveries: DeliveryJob[] = [];
  attempts: DeliveryAttempt[] = [];
  private seq: number;
  private byId = new Map<string, StoredRecord>();
  private byType = new Map<string, StoredRecord[]>();
  private byTypeOwner = new Map<string, StoredRecord[]>();
  private listeners: Array<() => void> = [];

  constructor(state: PersistedState) {
    this.platformAccountId = state.platformAccountId;
    this.seq = state.seq;
    this.clockOffsetMs = state.clockOffsetMs;
    this.lastScheduledDay = state.lastScheduledDay;
    this.settings = { ...DEFAULT_SETTINGS, ...state.settings };
    this.load(state);
  }

  /** Replaces everything held with `state` (used at start and by reset). */
  load(state: PersistedState): void {
    this.platformAccountId = state.platformAccountId;
    this.byId.clear();
    this.byType.clear();
    this.byTypeOwner.clear();
    this.idempotency.clear();
    this.seq = state.seq;
    this.clockOffsetMs = state.clockOffsetMs;
    this.lastScheduledDay = state.lastScheduledDay;
    this.settings = { ...DEFAULT_SETTINGS, ...state.settings };
    for (const record of state.records) this.index(record);
    for (const record of state.idempotency) this.idempotency.set(`${record.scope}|${record.key}`, record);
    this.deliveries = state.deliveries;
    this.attempts = state.attempts;
    this.changed();
  }

  /** Called after every change so persistence can schedule a write. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  insert<T extends ApiObject>(data: T, owner: string, internal: Record<string, unknown> = {}): StoredRecord {
    this.seq += 1;
    const record: StoredRecord = { id: data.id, object: data.object, owner, seq: this.seq, data, internal };
    this.index(record);
    this.changed();
    return record;
  }

  get(id: string): StoredRecord | undefined {
    return this.byId.get(id);
  }

  /** The record of `object` type with that id, visible to `owner` (all owners when omitted). */
  find(object: string, id: string, owner?: string): StoredRecord | undefined {
    const record = this.byId.get(id);
    if (!record || record.object !== object) return undefined;
    if (owner !== undefined && record.owner !== owner) return undefined;
    return record;
  }

  /** Records of a type in creation order, optionally of one owner. */
  all(object: string, owner?: string): readonly StoredRecord[] {
    const list = owner === undefined ? this.byType.get(object) : this.byTypeOwner.get(`${object}|${owner}`);
    return list ?? [];
  }

  remove(id: string): void {
    const record = this.byId.get(id);
    if (!record) return;
    this.byId.delete(id);
    const drop = (list: StoredRecord[] | undefined) => {
      const at = list?.indexOf(record) ?? -1;
      if (list && at >= 0) list.splice(at, 1);
    };
    drop(this.byType.get(record.object));
    drop(this.byTypeOwner.get(`${record.object}|${record.owner}`));
    this.changed();
  }

  snapshot(): PersistedState {
    return {
      version: 1,
      platformAccountId: this.platformAccountId,
      seq: this.seq,
      clockOffsetMs: this.clockOffsetMs,
      lastScheduledDay: this.lastScheduledDay,
      settings: this.settings,
      records: [...this.byId.values()].sort((a, b) => a.seq - b.seq),
      idempotency: [...this.idempotency.values()].filter((r) => !r.inFlight),
      deliveries: this.deliveries,
      attempts: this.attempts,
    };
  }

  private index(record: StoredRecord): void {
    this.byId.set(record.id, record);
    append(this.byType, record.object, record);
    append(this.byTypeOwner, `${record.object}|${record.owner}`, record);
  }
}

function append(map: Map<string, StoredRecord[]>, key: string, record: StoredRecord): void {
  const list = map.get(key);
  if (list) list.push(record);
  else map.set(key, [record]);
}

export function emptyState(platformAccountId: string, lastScheduledDay: number): PersistedState {
  return {
    version: 1,
    platformAccountId,
    seq: 0,
    clockOffsetMs: 0,
    lastScheduledDay,
    settings: clone(DEFAULT_SETTINGS),
    records: [],
    idempotency: [],
    deliveries: [],
    attempts: [],
  };
}
