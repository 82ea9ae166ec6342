import { timestampFromDate } from '@tourconnect/contracts';
import type { DeadLetterQueue } from '@tourconnect/events';
import type { FastifyBaseLogger } from 'fastify';
import {
  markDeliveryFailed,
  markDeliverySent,
  rescheduleDelivery,
  type AttachmentRecord,
  type DeliveryRow,
} from '../db/deliveries.repository.ts';
import type { Mailer, SentReceipt } from '../mail/mailer.ts';
import type { NotificationsContext } from './context.ts';
import { prepareAttachments } from './email-attachments.ts';
import { SealError } from './link-sealer.ts';
import type { SecretLink } from './links.ts';
import { retryDelayMs } from './retry-schedule.ts';
import { revealLinks } from './reveal-links.ts';
import { classifySmtpFailure, type SmtpFailure } from './smtp-failure.ts';

export interface DeliveryParts {
  mailer: Mailer;
  deadLetters: DeadLetterQueue;
  logger: FastifyBaseLogger;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed';

/**
 * One claimed e-mail, one attempt: open its sealed links, fetch its attachments (an attachment
 * billing cannot deliver yet fails the attempt like a busy SMTP server, see
 * email-attachments.ts), hand the message to the SMTP server, then record the outcome.
 * Accepted → sent (links wiped) and notifications.email.sent.v1. Refused with a 5xx, or out of
 * attempts → failed, notifications.email.failed.v1 and a dead letter an admin can replay.
 * Anything else → due again after the backoff.
 */
export async function deliverEmail(
  ctx: NotificationsContext,
  parts: DeliveryParts,
  row: DeliveryRow,
): Promise<DeliveryOutcome> {
  let links: SecretLink[];
  try {
    links = row.sealedLinks ? ctx.sealer.open(row.id, row.sealedLinks) : [];
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    // Another replica's key: leave the e-mail to it (it claims it on its next pass) until the
    // attempts run out; a seal that does not open with the right key is broken for good.
    return error.otherKey
      ? retryOrGiveUp(ctx, parts, row, { permanent: false, message: error.message })
      : giveUp(ctx, parts, row, error.message);
  }
  if (!row.recipientEmail || row.html === null || row.text === null) {
    return giveUp(ctx, parts, row, 'nothing to send: the recipient was erased');
  }
  const attachments = await prepareAttachments(ctx, row, links, parts.logger);
  if (!attachments.ready) return retryOrGiveUp(ctx, parts, row, { permanent: false, message: attachments.message });
  let receipt: SentReceipt;
  try {
    receipt = await parts.mailer.send({
      from: ctx.settings.MAIL_FROM,
      to: row.recipientEmail,
      subject: row.subject,
      html: revealLinks(row.html, links, 'html'),
      text: revealLinks(row.text, links, 'text'),
      messageId: row.messageId,
      // RFC 3834: automatic mail, so auto-responders do not answer it.
      headers: { 'Auto-Submitted': 'auto-generated', 'X-TourConnect-Template': row.template },
      attachments: attachments.files,
    });
  } catch (error) {
    return retryOrGiveUp(ctx, parts, row, classifySmtpFailure(error));
  }
  await recordSent(ctx, row, { ...receipt, attachments: attachments.records });
  return 'sent';
}

async function retryOrGiveUp(
  ctx: NotificationsContext,
  parts: DeliveryParts,
  row: DeliveryRow,
  failure: SmtpFailure,
): Promise<DeliveryOutcome> {
  if (failure.permanent || row.attempts >= ctx.settings.MAIL_MAX_ATTEMPTS) {
    return giveUp(ctx, parts, row, failure.message);
  }
  const delay = retryDelayMs(row.attempts, ctx.settings.MAIL_RETRY_BASE_MS, ctx.settings.MAIL_RETRY_MAX_MS);
  await rescheduleDelivery(ctx.db, row.id, failure.message, new Date(Date.now() + delay));
  return 'retry';
}

async function recordSent(
  ctx: NotificationsContext,
  row: DeliveryRow,
  receipt: SentReceipt & { attachments: AttachmentRecord[] },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const sent = await markDeliverySent(tx, row.id, {
      providerMessageId: receipt.providerMessageId,
      smtpResponse: receipt.response,
      attachments: receipt.attachments,
    });
    if (!sent) return; // erased meanwhile: nothing to announce
    await ctx.publish(tx, 'notifications.email.sent.v1', {
      deliveryId: sent.id,
      causeEventId: sent.causeEventId,
      template: sent.template,
      recipientUserId: sent.recipientUserId ?? '',
      locale: sent.locale,
      messageId: sent.messageId,
      sentAt: timestampFromDate(sent.sentAt ?? new Date()),
    });
  });
}

async function giveUp(
  ctx: NotificationsContext,
  parts: DeliveryParts,
  row: DeliveryRow,
  error: string,
): Promise<DeliveryOutcome> {
  const envelope = await ctx.db.transaction(async (tx) => {
    const failed = await markDeliveryFailed(tx, row.id, error);
    if (!failed) return undefined;
    return ctx.publish(
      tx,
      'notifications.email.failed.v1',
      {
        deliveryId: failed.id,
        causeEventId: failed.causeEventId,
        template: failed.template,
        recipientUserId: failed.recipientUserId ?? '',
        error,
        attempts: failed.attempts,
        failedAt: timestampFromDate(failed.failedAt ?? new Date()),
      },
      { audience: ['role:admin'] },
    );
  });
  // After the commit: the dead letter names a failed delivery that exists. Should filing it fail,
  // the delivery still shows as failed on the admin's Sent-mail page.
  if (envelope) await parts.deadLetters.record({ envelope, error, attempts: row.attempts });
  return 'failed';
}
