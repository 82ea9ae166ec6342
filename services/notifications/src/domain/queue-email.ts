import { randomUUID } from 'node:crypto';
import type { Tx } from '@tourconnect/db';
import type { EventEnvelope } from '@tourconnect/events';
import { insertDelivery } from '../db/deliveries.repository.ts';
import type { TemplateName, TemplateParams } from '../templates/catalog.ts';
import type { Language } from '../templates/languages.ts';
import { renderEmail } from '../templates/render.ts';
import type { NotificationsContext } from './context.ts';
import type { SecretLink } from './links.ts';

export interface EmailRequest<T extends TemplateName> {
  /** The event asking for the e-mail: with the template, the key that makes queuing idempotent. */
  cause: Pick<EventEnvelope, 'id' | 'subject'>;
  template: T;
  /** Set when one event sends this template to several recipients (e.g. each partner's id). */
  recipientKey?: string;
  to: { userId: string | null; email: string };
  language: Language;
  params: Omit<TemplateParams[T], 'link'>;
  /** A plain portal link, or one carrying a secret token (stored redacted, sent live). */
  link: string | SecretLink;
  /** More secret links, which `params` carry in their redacted form (e.g. a receipt download). */
  secretLinks?: SecretLink[];
  /** Files fetched from billing when the e-mail is sent, by one of its secret links. */
  attachments?: AttachmentRequest[];
}

export interface AttachmentRequest {
  link: SecretLink;
  /** Shown until the file is fetched; the e-mail carries the name billing gives it. */
  filename: string;
  contentType: string;
}

/**
 * Renders the e-mail and queues it in the caller's transaction (the consumer's, so the e-mail
 * is queued if and only if the event is marked handled). What is stored is the redacted
 * rendering; secret links are sealed for the sender, which puts them back only into the message
 * it hands to the SMTP server (and fetches the attachments by them). A second request for the
 * same event, template and recipient key is a no-op.
 */
export async function queueEmail<T extends TemplateName>(
  ctx: NotificationsContext,
  tx: Tx,
  request: EmailRequest<T>,
): Promise<'queued' | 'duplicate'> {
  const id = randomUUID();
  const secret = typeof request.link === 'string' ? undefined : request.link;
  const link = secret ? secret.redacted : (request.link as string);
  const secrets = uniqueLinks([
    ...(secret ? [secret] : []),
    ...(request.secretLinks ?? []),
    ...(request.attachments ?? []).map((file) => file.link),
  ]);
  const params = { ...request.params, link } as TemplateParams[T];
  const rendered = renderEmail(request.template, request.language, params);
  const result = await insertDelivery(tx, {
    id,
    causeEventId: request.cause.id,
    causeSubject: request.cause.subject,
    template: request.template,
    recipientKey: request.recipientKey ?? '',
    locale: request.language,
    recipientUserId: request.to.userId,
    recipientEmail: request.to.email.toLowerCase(),
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    sealedLinks: secrets.length > 0 ? ctx.sealer.seal(id, secrets) : null,
    attachments: (request.attachments ?? []).map((file) => ({
      source: file.link.redacted,
      filename: file.filename,
      contentType: file.contentType,
      state: 'pending' as const,
    })),
    messageId: `<${id}@${messageIdDomain(ctx.settings.MAIL_FROM)}>`,
  });
  if (!result.ok) return 'duplicate';
  ctx.wakeSender();
  return 'queued';
}

function uniqueLinks(links: SecretLink[]): SecretLink[] {
  return [...new Map(links.map((link) => [link.redacted, link])).values()];
}

/** The sender's domain, so Message-IDs look like the mail they belong to. */
function messageIdDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'tourconnect.local';
}
