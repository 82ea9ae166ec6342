import type { Tx } from '@tourconnect/db';
import {
  claimExpiredBookings,
  findBookingListing,
  listBookingHolds,
  updateBookingStatus,
  type BookingRow,
} from '../db/bookings.repository.ts';
import { releaseHeldUnits } from '../db/holds.repository.ts';
import { publishBookingExpired } from './booking-events.ts';
import { packageTitleOf } from './booking-view.ts';
import type { BundlingContext } from './context.ts';

export interface Sweeper {
  stop(): Promise<void>;
}

interface SweeperLogger {
  error(obj: unknown, msg?: string): void;
}

/**
 * Expires every pending booking whose hold ran out at `now`: status → expired, its held units
 * back on sale, `bundling.booking.expired.v1`. Batches of SWEEPER_BATCH_SIZE, each its own
 * transaction; bookings are claimed with FOR UPDATE SKIP LOCKED, so several instances (or a
 * payment confirming the same booking) never release one twice. Returns how many it expired.
 */
export async function sweepExpiredBookings(ctx: BundlingContext, now: Date = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const expired = await ctx.db.transaction(async (tx) => {
      const batch = await claimExpiredBookings(tx, now, ctx.settings.SWEEPER_BATCH_SIZE);
      if (batch.length > 0) await expireBatch(ctx, tx, batch, now);
      return batch.length;
    });
    total += expired;
    if (expired < ctx.settings.SWEEPER_BATCH_SIZE) return total;
  }
}

/**
 * Claimed (locked, pending) bookings whose hold ran out. Their units are released in one pass in
 * availability-id order, the order bookers lock rows in, so a sweep and a booking never
 * deadlock. The audit entries follow from the expired events (domain/booking-audit.ts), so the
 * sweep holds no slot's lock while the log's lock is taken.
 */
async function expireBatch(ctx: BundlingContext, tx: Tx, batch: readonly BookingRow[], now: Date): Promise<void> {
  const holds = (await Promise.all(batch.map((b) => listBookingHolds(tx, b.id)))).flat();
  await releaseHeldUnits(tx, holds);
  for (const booking of batch) {
    const expired = await updateBookingStatus(tx, booking.id, ['pending_payment'], {
      status: 'expired',
      expiredAt: now,
    });
    if (!expired) throw new Error(`booking ${booking.id} changed under its lock`);
    const listing = await findBookingListing(tx, booking.id);
    await publishBookingExpired(ctx, tx, expired, 'hold_expired', {
      packageTitle: listing ? packageTitleOf(listing) : '',
    });
  }
}

/**
 * Runs the sweep every SWEEPER_INTERVAL_SECONDS (0: never, in this process). One sweep at a time
 * per process; a failed sweep is logged and the next tick tries again. `stop` waits for a sweep
 * in progress, so the pool is not closed under it.
 */
export function startSweeper(ctx: BundlingContext, log: SweeperLogger): Sweeper {
  const intervalMs = ctx.settings.SWEEPER_INTERVAL_SECONDS * 1000;
  if (intervalMs === 0) return { stop: async () => {} };
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepExpiredBookings(ctx)
      .then(() => undefined)
      .catch((error: unknown) => log.error({ err: error }, 'expiry sweep failed'))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
