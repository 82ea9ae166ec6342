import { v7 as uuidv7 } from 'uuid';
import type pg from 'pg';
import type { EventEnvelope } from './envelope.ts';
import type { ResolvedTables } from './table-names.ts';
import type { PoisonMessage } from './transport.ts';

export interface DeadLetter {
  id: string;
  service: string;
  durable: string;
  subject: string;
  eventId: string;
  /** The envelope as delivered, or the raw message when it could not be decoded. */
  envelope: EventEnvelope | { malformed: PoisonMessage };
  error: string;
  attempts: number;
  deadAt: string;
  replayedAt: string | null;
  replayAttempts: number;
  lastReplayError: string | null;
}

export interface NewDeadLetter {
  service: string;
  durable: string;
  subject: string;
  eventId: string;
  envelope: DeadLetter['envelope'];
  error: string;
  attempts: number;
}

interface DeadLetterRow {
  id: string;
  service: string;
  durable: string;
  subject: string;
  event_id: string;
  envelope: DeadLetter['envelope'];
  error: string;
  attempts: number;
  dead_at: Date;
  replayed_at: Date | null;
  replay_attempts: number;
  last_replay_error: string | null;
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    service: row.service,
    durable: row.durable,
    subject: row.subject,
    eventId: row.event_id,
    envelope: row.envelope,
    error: row.error,
    attempts: row.attempts,
    deadAt: row.dead_at.toISOString(),
    replayedAt: row.replayed_at ? row.replayed_at.toISOString() : null,
    replayAttempts: row.replay_attempts,
    lastReplayError: row.last_replay_error,
  };
}

/** The service's dead_letters table; the source of truth for inspection and replay. */
export class DeadLettersRepository {
  constructor(
    private readonly pool: pg.Pool,
    private readonly tables: ResolvedTables,
  ) {}

  /** Idempotent per (durable, event): a message dead-lettered twice keeps one row. */
  async insert(letter: NewDeadLetter): Promise<DeadLetter> {
    const { rows } = await this.pool.query<DeadLetterRow>(
      `INSERT INTO ${this.tables.deadLetters}
         (id, service, durable, subject, event_id, envelope, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
       ON CONFLICT (durable, event_id) DO UPDATE
         SET envelope = excluded.envelope, error = excluded.error, attempts = excluded.attempts,
             dead_at = now(), replayed_at = NULL
       RETURNING *`,
      [
        uuidv7(),
        letter.service,
        letter.durable,
        letter.subject,
        letter.eventId,
        JSON.stringify(letter.envelope),
        letter.error.slice(0, 4_000),
        letter.attempts,
      ],
    );
    return toDeadLetter(rows[0] as DeadLetterRow);
  }

  async list(opts: { limit?: number; durable?: string; includeReplayed?: boolean } = {}): Promise<DeadLetter[]> {
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 1_000);
    const { rows } = await this.pool.query<DeadLetterRow>(
      `SELECT * FROM ${this.tables.deadLetters}
        WHERE ($1::text IS NULL OR durable = $1) AND ($2::boolean OR replayed_at IS NULL)
        ORDER BY dead_at DESC, id DESC LIMIT $3`,
      [opts.durable ?? null, opts.includeReplayed ?? true, limit],
    );
    return rows.map(toDeadLetter);
  }

  async get(id: string): Promise<DeadLetter | undefined> {
    const { rows } = await this.pool.query<DeadLetterRow>(`SELECT * FROM ${this.tables.deadLetters} WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toDeadLetter(rows[0]) : undefined;
  }

  /** A replay that ran outside a consumer's inbox transaction (EventBus.deadLetterQueue). */
  async markReplayed(id: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.tables.deadLetters}
          SET replayed_at = now(), replay_attempts = replay_attempts + 1, last_replay_error = NULL
        WHERE id = $1`,
      [id],
    );
  }

  async recordReplayFailure(id: string, error: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.tables.deadLetters}
          SET replay_attempts = replay_attempts + 1, last_replay_error = $2
        WHERE id = $1`,
      [id, error.slice(0, 4_000)],
    );
  }
}
