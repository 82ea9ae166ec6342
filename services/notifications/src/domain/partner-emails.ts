// E-mails about a partner, asked for by partners' events: the invitation (to an address that
// may have no account) and the owner's notices, addressed through the recipients projection.
import { timestampDate, type EventPayloadBySubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import type { EventEnvelope } from '@tourconnect/events';
import {
  changePartnerOwner,
  findPartnerOwner,
  forgetPartnerOwner,
  rememberPartnerOwner,
} from '../db/partner-owners.repository.ts';
import { findRecipient, findRecipientByEmail } from '../db/recipients.repository.ts';
import { resolveLanguage } from '../templates/languages.ts';
import type { NotificationsContext } from './context.ts';
import { portalLink, secretLink } from './links.ts';
import { RecipientNotKnownYet } from './notifications-errors.ts';
import { queueEmail } from './queue-email.ts';

type Payload<S extends keyof EventPayloadBySubject> = EventPayloadBySubject[S];
type Cause = Pick<EventEnvelope, 'id' | 'subject'>;

/** In the language partners chose, else the invitee's own (if they have an account), else the inviter's. */
export async function sendInvitationEmail(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'partners.invitation.sent.v1'>,
  cause: Cause,
): Promise<void> {
  const invitee = await findRecipientByEmail(tx, event.email);
  const inviter = event.locale || invitee ? undefined : await findRecipient(tx, event.invitedByUserId);
  await queueEmail(ctx, tx, {
    cause,
    template: 'partner_invitation',
    to: { userId: invitee?.userId ?? null, email: event.email },
    language: resolveLanguage(event.locale, invitee?.locale, inviter?.locale),
    params: { partnerName: event.partnerName, role: event.role, expiresAt: timestampDate(event.expiresAt!) },
    link: secretLink(ctx.settings.PORTAL_URL, 'acceptInvitation', event.token),
  });
}

/** Registration names the owner; no e-mail yet (the owner is told when they submit). */
export async function rememberPartner(
  tx: Tx,
  event: { partnerId: string; ownerUserId: string; name: string },
): Promise<void> {
  await rememberPartnerOwner(tx, event);
}

/**
 * The owner handed the partner over: later notices (a new booking, a suspension…) go to the new
 * owner. A change to a partner not known yet waits for its registration.
 */
export async function followOwnerChange(tx: Tx, event: Payload<'partners.partner.owner_changed.v1'>): Promise<void> {
  const row = await changePartnerOwner(tx, event.partnerId, event.ownerUserId);
  if (!row) throw new RecipientNotKnownYet(`partner ${event.partnerId}`);
}

type OwnerNotice =
  | { template: 'partner_submitted' | 'partner_verified' }
  | { template: 'partner_rejected' | 'partner_suspended'; reason: string };

/** submitted / verified / rejected / suspended: each names the owner and the partner. */
export async function tellPartnerOwner(
  ctx: NotificationsContext,
  tx: Tx,
  event: { partnerId: string; ownerUserId: string; name?: string },
  notice: OwnerNotice,
  cause: Cause,
): Promise<void> {
  if (event.name) await rememberPartnerOwner(tx, { ...event, name: event.name });
  const partnerName = event.name || (await findPartnerOwner(tx, event.partnerId))?.name;
  if (!partnerName) throw new RecipientNotKnownYet(`owner of partner ${event.partnerId}`);
  const owner = await findRecipient(tx, event.ownerUserId);
  if (!owner) throw new RecipientNotKnownYet(event.ownerUserId);
  const base = { name: owner.displayName, partnerName, link: portalLink(ctx.settings.PORTAL_URL, 'partner') };
  const to = { userId: owner.userId, email: owner.email };
  const language = resolveLanguage(owner.locale);
  if (notice.template === 'partner_rejected' || notice.template === 'partner_suspended') {
    await queueEmail(ctx, tx, {
      cause,
      template: notice.template,
      to,
      language,
      params: { ...base, reason: notice.reason },
      link: base.link,
    });
  } else {
    await queueEmail(ctx, tx, { cause, template: notice.template, to, language, params: base, link: base.link });
  }
}

/** The erasure is complete: tell the owner, then forget the partner. */
export async function tellOwnerPartnerDeleted(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'partners.partner.deleted.v1'>,
  cause: Cause,
): Promise<void> {
  const partner = await findPartnerOwner(tx, event.partnerId);
  if (!partner) throw new RecipientNotKnownYet(`owner of partner ${event.partnerId}`);
  const owner = await findRecipient(tx, partner.ownerUserId);
  if (owner) {
    await queueEmail(ctx, tx, {
      cause,
      template: 'partner_deleted',
      to: { userId: owner.userId, email: owner.email },
      language: resolveLanguage(owner.locale),
      params: { name: owner.displayName, partnerName: partner.name },
      link: portalLink(ctx.settings.PORTAL_URL, 'account'),
    });
  }
  // An owner erased before the partner has nobody left to tell.
  await forgetPartnerOwner(tx, event.partnerId);
}
