// Shapes of what the emulator keeps. API objects are stored as Stripe renders them with
// ids unexpanded; emulator-only bookkeeping lives beside them in `internal`.

/** Anything answered as a JSON object with an `object` discriminator. */
export interface ResponseObject {
  object: string;
  [field: string]: unknown;
}

export interface ApiObject extends ResponseObject {
  id: string;
}

export interface StoredRecord {
  id: string;
  object: string;
  /** The account the object belongs to (platform or connected account). */
  owner: string;
  /** Creation order; breaks ties between objects created in the same second. */
  seq: number;
  data: ApiObject;
  internal: Record<string, unknown>;
}

export interface IdempotencyRecord {
  scope: string;
  key: string;
  method: string;
  path: string;
  paramsHash: string;
  status: number;
  body: unknown;
  requestId: string;
  createdAt: number;
  inFlight: boolean;
}

export interface DeliveryJob {
  id: string;
  eventId: string;
  endpointId: string;
  attempts: number;
  /** Emulator-clock milliseconds at which the next attempt is due. */
  nextAttemptAtMs: number;
}

export interface DeliveryAttempt {
  id: string;
  event: string;
  event_type: string;
  endpoint: string;
  url: string;
  attempt: number;
  /** Emulator clock, unix seconds. */
  created: number;
  outcome: 'succeeded' | 'failed' | 'dropped';
  status: number | null;
  error: string | null;
  duration_ms: number;
  duplicate: boolean;
  next_retry_at: number | null;
}

export interface FeeModel {
  /** Percentage part in basis points (290 = 2.9 %). */
  percent_bps: number;
  /** Fixed part per charge in the charge currency's minor unit. */
  fixed: Record<string, number>;
}

export interface EmulatorSettings {
  fees: FeeModel;
  /** Days until charge funds become available (Stripe's standard US schedule is 2). */
  availability_delay_days: number;
}

export interface PersistedState {
  version: 1;
  platformAccountId: string;
  seq: number;
  clockOffsetMs: number;
  lastScheduledDay: number;
  settings: EmulatorSettings;
  records: StoredRecord[];
  idempotency: IdempotencyRecord[];
  deliveries: DeliveryJob[];
  attempts: DeliveryAttempt[];
}
