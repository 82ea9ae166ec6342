import type { FastifyBaseLogger } from 'fastify';
import type { AttachmentRecord, DeliveryRow } from '../db/deliveries.repository.ts';
import { fetchFromBilling, type FetchedFile } from '../mail/attachment-fetcher.ts';
import type { NotificationsContext } from './context.ts';
import type { SecretLink } from './links.ts';

export type AttachmentsOutcome =
  { ready: true; files: FetchedFile[]; records: AttachmentRecord[] } | { ready: false; message: string };

/**
 * The e-mail's files, fetched now from billing by their sealed links (nothing is stored but
 * their names). Nothing is lost and nothing goes out silently incomplete: while billing cannot
 * deliver a file, the whole e-mail waits for the next attempt (`ready: false`); from attempt
 * MAIL_ATTACHMENT_ATTEMPTS on (or when billing refuses the link for good, 404/410) the file is
 * left out, the e-mail goes with its link to the file, and a warning says so.
 */
export async function prepareAttachments(
  ctx: NotificationsContext,
  row: DeliveryRow,
  links: SecretLink[],
  logger: FastifyBaseLogger,
): Promise<AttachmentsOutcome> {
  const files: FetchedFile[] = [];
  const records: AttachmentRecord[] = [];
  const lastTry = row.attempts >= Math.min(ctx.settings.MAIL_ATTACHMENT_ATTEMPTS, ctx.settings.MAIL_MAX_ATTEMPTS);
  for (const attachment of row.attachments) {
    const live = links.find((link) => link.redacted === attachment.source)?.live;
    const result = live
      ? await fetchFromBilling(ctx.settings.BILLING_URL, live, attachment, ctx.settings.SMTP_TIMEOUT_MS)
      : { ok: false as const, retry: false, message: 'its link is no longer sealed with the e-mail' };
    if (result.ok) {
      files.push(result.file);
      records.push({
        ...attachment,
        filename: result.file.filename,
        state: 'attached',
        bytes: result.file.content.length,
      });
      continue;
    }
    const message = `${attachment.filename} not fetched: ${result.message}`;
    if (result.retry && !lastTry) return { ready: false, message };
    logger.warn(
      { deliveryId: row.id, template: row.template, attempts: row.attempts, attachment: attachment.filename },
      `${message}; sending the e-mail without it, with its link only`,
    );
    records.push({ ...attachment, state: 'left_out' });
  }
  return { ready: true, files, records };
}
