import type { IssueInvoicesResponse } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import { documentYear, lockCounter, nextDocumentNumber } from '../db/documents.repository.ts';
import {
  appendDocumentAudit,
  findInvoiceFor,
  findPartnerSnapshot,
  insertInvoice,
  listPeriodInvoices,
  monthFeeRefunds,
  monthFees,
  monthSpend,
  type InvoiceRow,
} from '../db/documents-invoice.repository.ts';
import type { BillingContext } from './context.ts';
import { invalidPeriod } from '../documents/document-errors.ts';
import {
  currentMonth,
  invoiceAmounts,
  invoiceDrafts,
  monthPeriod,
  previousMonth,
  type InvoiceDraft,
} from './invoice-drafts.ts';

/** Checked once a day: the first check of a month issues the month before. */
const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Issues the platform's commission invoices of `month` ('YYYY-MM'): one per partner and
 * currency with a positive net, numbered 'TC-<year>-<6 digits>' without gaps. Each invoice is
 * its own transaction; an invoice already issued for (partner, period, currency) is kept, so
 * running it again (the scheduler daily, an admin on demand, another instance) issues nothing twice.
 */
export async function issueInvoices(
  ctx: BillingContext,
  month: string,
  actor: { id: string | null; role: string } = { id: null, role: 'system' },
): Promise<IssueInvoicesResponse> {
  if (month >= currentMonth(new Date())) throw invalidPeriod('Only a month that has ended can be invoiced');
  if (month < '2000-01') throw invalidPeriod('Invoices start in January 2000');
  const { start, end } = monthPeriod(month);
  const drafts = invoiceDrafts(
    await monthFees(ctx.db, start, end),
    await monthFeeRefunds(ctx.db, start, end),
    await monthSpend(ctx.db, start, end),
  );
  let issued = 0;
  for (const draft of drafts) {
    if (await issueOne(ctx, draft, start, end, actor)) issued += 1;
  }
  const invoices = await listPeriodInvoices(ctx.db, start, end);
  return { month, issued, invoices: invoices.map(invoiceSummary) };
}

async function issueOne(
  ctx: BillingContext,
  draft: InvoiceDraft,
  start: string,
  end: string,
  actor: { id: string | null; role: string },
): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const issuedAt = new Date();
    const year = documentYear(issuedAt);
    await lockCounter(tx, 'TC', year);
    if (await findInvoiceFor(tx, draft.partnerId, start, end, draft.currency)) return false;
    const partner = await findPartnerSnapshot(tx, draft.partnerId);
    const amounts = invoiceAmounts(draft, partner);
    // A month whose refunds gave back more fee than it earned needs a credit note, not an invoice.
    if (amounts.netMinor <= 0) return false;
    const number = await nextDocumentNumber(tx, 'TC', year);
    const invoice = await insertInvoice(
      tx,
      {
        id: crypto.randomUUID(),
        partnerId: draft.partnerId,
        number,
        periodStart: start,
        periodEnd: end,
        currency: draft.currency,
        ...amounts,
        partnerSnapshot: partner ?? {
          partnerId: draft.partnerId,
          name: '',
          legalName: null,
          vatId: null,
          country: null,
        },
        issuerSnapshot: {
          legalName: ctx.settings.PLATFORM_LEGAL_NAME,
          address: ctx.settings.PLATFORM_ADDRESS ?? null,
          vatId: ctx.settings.PLATFORM_VAT_ID ?? null,
        },
        issuedAt,
      },
      draft.spendEventIds,
    );
    await appendDocumentAudit(tx, {
      action: 'invoice.issued',
      entityType: 'invoice',
      entityId: invoice.id,
      actorId: actor.id,
      actorRole: actor.role,
      data: {
        number,
        partnerId: draft.partnerId,
        periodStart: start,
        periodEnd: end,
        currency: draft.currency,
        netMinor: amounts.netMinor,
        vatMinor: amounts.vatMinor,
        totalMinor: amounts.totalMinor,
      },
    });
    return true;
  });
}

export function invoiceSummary(row: InvoiceRow) {
  return {
    id: row.id,
    number: row.number,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    currency: row.currency,
    netMinor: row.netMinor,
    vatMinor: row.vatMinor,
    totalMinor: row.totalMinor,
    issuedAt: row.issuedAt.toISOString(),
  };
}

export interface InvoiceScheduler {
  stop(): Promise<void>;
}

interface SchedulerLogger {
  error(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
}

/**
 * The monthly run: at start and then daily, issues last month's invoices (a no-op once they
 * exist), so a process that was down on the 1st catches up the next time it checks.
 */
export function startInvoiceScheduler(
  ctx: BillingContext,
  log: SchedulerLogger,
  now: () => Date = () => new Date(),
): InvoiceScheduler {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = issueInvoices(ctx, previousMonth(now()))
      .then((result) => {
        if (result.issued > 0) log.info({ month: result.month, issued: result.issued }, 'commission invoices issued');
      })
      .catch((err: unknown) => log.error({ err }, 'issuing commission invoices failed'));
  };
  tick();
  const timer = setInterval(tick, CHECK_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Starts the monthly invoice run when the app is ready and stops it in preClose. A process
 * started with MONEY_QUEUE_INTERVAL_MS=0 runs no background money jobs, this one included.
 */
export function installInvoiceScheduler(app: ServiceApp, ctx: BillingContext): void {
  let scheduler: InvoiceScheduler | undefined;
  app.addHook('onReady', async () => {
    if (ctx.settings.MONEY_QUEUE_INTERVAL_MS > 0) scheduler = startInvoiceScheduler(ctx, app.log);
  });
  app.addHook('preClose', async () => scheduler?.stop());
}
