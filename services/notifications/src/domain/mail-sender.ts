import type { FastifyBaseLogger } from 'fastify';
import { claimDueDeliveries } from '../db/deliveries.repository.ts';
import type { NotificationsContext } from './context.ts';
import { deliverEmail, type DeliveryParts } from './deliver-email.ts';

/** The worker that drains the mail outbox: the deliveries table's queued rows. */
export interface MailSender {
  start(): void;
  /** Waits for the e-mails in hand, then stops; no new claims after it is called. */
  stop(): Promise<void>;
  /** Something was queued: look soon rather than at the next poll. */
  wake(): void;
}

const BATCH = 10;
const PARALLEL_SENDS = 3;
/** Soon after a wake, so the queuing transaction has usually committed. */
const WAKE_DELAY_MS = 25;

/**
 * Polls for due e-mails every MAIL_POLL_MS, and sooner when woken. A claim holds an e-mail for
 * a lease longer than any attempt can take (an attachment fetch and 3 SMTP timeouts plus
 * slack), so a sender that dies mid-send lets another take the e-mail over after it lapses,
 * and a live one is never raced.
 */
export function createMailSender(
  ctx: NotificationsContext,
  parts: DeliveryParts,
  logger: FastifyBaseLogger,
): MailSender {
  // An attempt may first fetch its attachments, each bounded by the same timeout.
  const leaseMs = ctx.settings.SMTP_TIMEOUT_MS * 4 + 30_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;

  function schedule(ms: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, ms);
    timer.unref();
  }

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = drain()
      .catch((err: unknown) => logger.error({ err }, 'mail sender pass failed; will retry'))
      .finally(() => {
        running = undefined;
        schedule(again ? 0 : ctx.settings.MAIL_POLL_MS);
      });
  }

  async function drain(): Promise<void> {
    for (;;) {
      const claimed = await claimDueDeliveries(ctx.db, BATCH, leaseMs);
      for (let i = 0; i < claimed.length; i += PARALLEL_SENDS) {
        const outcomes = await Promise.all(
          claimed.slice(i, i + PARALLEL_SENDS).map((row) =>
            deliverEmail(ctx, parts, row).catch((err: unknown) => {
              // The lease will lapse and the e-mail comes due again.
              logger.error({ err, deliveryId: row.id }, 'e-mail delivery could not be recorded');
              return 'error' as const;
            }),
          ),
        );
        for (const [j, outcome] of outcomes.entries()) {
          logger.debug({ deliveryId: claimed[i + j]!.id, outcome }, 'e-mail attempt');
        }
      }
      if (claimed.length < BATCH || stopped) return;
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      parts.mailer.close();
    },
    wake: () => schedule(WAKE_DELAY_MS),
  };
}
