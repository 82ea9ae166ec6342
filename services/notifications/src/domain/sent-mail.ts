import type {
  SentMailAttachment,
  SentMailDetail,
  SentMailPage,
  SentMailQuery,
  SentMailSummary,
} from '@tourconnect/contracts/http';
import { findDelivery, listDeliveries, type DeliveryRow } from '../db/deliveries.repository.ts';
import { readCaughtMail } from '../catcher/mail-store.ts';
import type { NotificationsContext } from './context.ts';
import { REDACTED_TOKEN } from './links.ts';
import { deliveryNotFound } from './notifications-errors.ts';

type ParsedQuery = Required<Pick<SentMailQuery, 'page' | 'pageSize'>> & Omit<SentMailQuery, 'page' | 'pageSize'>;

/** The admin's Sent-mail list, newest first, optionally for one recipient (address or user id). */
export async function listSentMail(ctx: NotificationsContext, query: ParsedQuery): Promise<SentMailPage> {
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const { rows, total } = await listDeliveries(ctx.db, {
    recipient: query.recipient,
    status: query.status,
    template: query.template,
    page,
    pageSize,
  });
  return { items: rows.map(summary), page, pageSize, total };
}

/**
 * One e-mail with its body. The stored copy has its secret links redacted. Only when the
 * service runs next to the local catcher (MAIL_CATCHER_DIR, all-in-one) is the caught message
 * shown instead, live links included, so the demo's verification link can be followed.
 */
export async function getSentMail(ctx: NotificationsContext, id: string): Promise<SentMailDetail> {
  const row = await findDelivery(ctx.db, id);
  if (!row) throw deliveryNotFound();
  const redacted = row.text?.includes(REDACTED_TOKEN) ?? false;
  const dir = ctx.settings.MAIL_CATCHER_DIR;
  if (dir && row.status === 'sent' && !row.erasedAt) {
    const caught = await readCaughtMail(dir, row.messageId);
    if (caught)
      return {
        ...summary(row),
        html: caught.html,
        text: caught.text,
        source: 'catcher',
        linksRedacted: false,
        attachments: attachments(row),
      };
  }
  return {
    ...summary(row),
    html: row.html,
    text: row.text,
    source: 'record',
    linksRedacted: redacted,
    attachments: attachments(row),
  };
}

/** What the e-mail carries or carried: names and sizes only (the bytes are never kept). */
function attachments(row: DeliveryRow): SentMailAttachment[] {
  return row.attachments.map((file) => ({
    filename: file.filename,
    contentType: file.contentType,
    state: file.state,
    bytes: file.bytes ?? null,
  }));
}

function summary(row: DeliveryRow): SentMailSummary {
  return {
    id: row.id,
    template: row.template,
    locale: row.locale,
    recipientUserId: row.recipientUserId,
    recipientEmail: row.recipientEmail,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    messageId: row.messageId,
    providerMessageId: row.providerMessageId,
    lastError: row.lastError,
    causeEventId: row.causeEventId,
    causeSubject: row.causeSubject,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    failedAt: row.failedAt?.toISOString() ?? null,
    erased: row.erasedAt !== null,
  };
}
