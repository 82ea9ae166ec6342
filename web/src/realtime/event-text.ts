import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatMoney, isKnownCurrency, money } from '@tourconnect/money';
import { useAuth } from '../auth/use-auth.ts';
import type { LiveEvent } from './live-context.ts';

/** A pushed event in words: a title for its kind and a sentence for this reader. */
export interface EventText {
  title: string;
  body: string;
}

/** Who reads it: their own action reads "You …", an admin reads the reviewer's side. */
export interface Reader {
  userId: string | null;
  isAdmin: boolean;
  /** The UI language amounts are written in (default English). */
  language?: string;
}

/** A string field of the event's payload (proto3 JSON, camelCase), or ''. */
function field(event: LiveEvent, name: string): string {
  const payload = event.payload;
  if (!payload || typeof payload !== 'object') return '';
  const value = (payload as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/**
 * An amount of the payload (`amountMinor`: proto3 JSON writes int64 as a string) in its
 * `currency`, exactly through @tourconnect/money; '' when the event carries none.
 */
function amount(event: LiveEvent, language: string): string {
  const payload = event.payload;
  if (!payload || typeof payload !== 'object') return '';
  const raw = (payload as Record<string, unknown>).amountMinor;
  const minor = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : typeof raw === 'number' ? raw : NaN;
  const currency = field(event, 'currency');
  if (!Number.isSafeInteger(minor) || !currency) return '';
  return isKnownCurrency(currency) ? formatMoney(money(minor, currency), language) : `${minor} ${currency}`;
}

/**
 * The title and sentence of every event the gateway pushes to a browser (an event's audience:
 * identity's and partners'), in the UI language. A member's own action reads as theirs ("You
 * submitted …"); an event of another kind gets a plain "Update" rather than its subject code.
 */
export function describeEvent(t: TFunction, event: LiveEvent, reader: Reader): EventText {
  const mine = (name: string) => !!reader.userId && field(event, name) === reader.userId;
  const name = field(event, 'name');
  const reason = field(event, 'reason');
  switch (event.subject) {
    case 'identity.user.registered.v1':
      return {
        title: t('live.events.identity_user_registered_v1.title'),
        body: t('live.events.identity_user_registered_v1.body'),
      };
    case 'identity.user.deleted.v1':
      return {
        title: t('live.events.identity_user_deleted_v1.title'),
        body: t('live.events.identity_user_deleted_v1.body'),
      };
    case 'identity.user.role_granted.v1':
      return {
        title: t('live.events.identity_user_role_granted_v1.title'),
        body:
          field(event, 'role') === 'partner'
            ? t('live.events.identity_user_role_granted_v1.bodyPartner')
            : t('live.events.identity_user_role_granted_v1.body', { role: t(`roles.${field(event, 'role')}`) }),
      };
    case 'identity.user.role_revoked.v1':
      return {
        title: t('live.events.identity_user_role_revoked_v1.title'),
        body:
          field(event, 'role') === 'partner'
            ? t('live.events.identity_user_role_revoked_v1.bodyPartner')
            : t('live.events.identity_user_role_revoked_v1.body', { role: t(`roles.${field(event, 'role')}`) }),
      };
    case 'identity.partner_data.erased.v1':
      return {
        title: t('live.events.identity_partner_data_erased_v1.title'),
        body: t('live.events.identity_partner_data_erased_v1.body'),
      };
    case 'partners.partner.registered.v1':
      return {
        title: t('live.events.partners_partner_registered_v1.title'),
        body: mine('ownerUserId')
          ? t('live.events.partners_partner_registered_v1.you', { name })
          : t('live.events.partners_partner_registered_v1.body', { name }),
      };
    case 'partners.partner.submitted.v1': {
      const changed = reason === 'legal_details_changed';
      // Events from before `submittedByUserId` existed name only the owner.
      const byMe = field(event, 'submittedByUserId') ? mine('submittedByUserId') : mine('ownerUserId');
      if (changed) {
        return {
          title: t('live.events.partners_partner_submitted_v1.titleChanged'),
          body: byMe
            ? t('live.events.partners_partner_submitted_v1.youChanged', { name })
            : reader.isAdmin
              ? t('live.events.partners_partner_submitted_v1.adminChanged', { name })
              : t('live.events.partners_partner_submitted_v1.bodyChanged', { name }),
        };
      }
      return {
        title: t('live.events.partners_partner_submitted_v1.title'),
        body: byMe
          ? t('live.events.partners_partner_submitted_v1.you', { name })
          : reader.isAdmin
            ? t('live.events.partners_partner_submitted_v1.admin', { name })
            : t('live.events.partners_partner_submitted_v1.body', { name }),
      };
    }
    case 'partners.partner.verified.v1':
      return {
        title: t('live.events.partners_partner_verified_v1.title'),
        body: mine('verifiedByUserId')
          ? t('live.events.partners_partner_verified_v1.you', { name })
          : t('live.events.partners_partner_verified_v1.body', { name }),
      };
    case 'partners.partner.rejected.v1':
      return {
        title: t('live.events.partners_partner_rejected_v1.title'),
        body: mine('rejectedByUserId')
          ? t('live.events.partners_partner_rejected_v1.you', { reason })
          : t('live.events.partners_partner_rejected_v1.body', { reason }),
      };
    case 'partners.partner.suspended.v1':
      return {
        title: t('live.events.partners_partner_suspended_v1.title'),
        body: mine('suspendedByUserId')
          ? t('live.events.partners_partner_suspended_v1.you', { reason })
          : t('live.events.partners_partner_suspended_v1.body', { reason }),
      };
    case 'partners.partner.deletion_requested.v1':
      return {
        title: t('live.events.partners_partner_deletion_requested_v1.title'),
        body: mine('requestedByUserId')
          ? t('live.events.partners_partner_deletion_requested_v1.you')
          : t('live.events.partners_partner_deletion_requested_v1.body'),
      };
    case 'partners.partner.deleted.v1':
      return {
        title: t('live.events.partners_partner_deleted_v1.title'),
        body: t('live.events.partners_partner_deleted_v1.body'),
      };
    case 'partners.partner.owner_changed.v1':
      return {
        title: t('live.events.partners_partner_owner_changed_v1.title'),
        body: mine('ownerUserId')
          ? t('live.events.partners_partner_owner_changed_v1.you')
          : mine('previousOwnerUserId')
            ? t('live.events.partners_partner_owner_changed_v1.previous')
            : t('live.events.partners_partner_owner_changed_v1.body'),
      };
    case 'partners.member.joined.v1': {
      const role = t(`onboarding:roles.${field(event, 'role')}.name`, { defaultValue: field(event, 'role') });
      return {
        title: t('live.events.partners_member_joined_v1.title'),
        body: mine('userId')
          ? t('live.events.partners_member_joined_v1.you', { role })
          : t('live.events.partners_member_joined_v1.body', { role }),
      };
    }
    case 'partners.member.removed.v1':
      return {
        title: t('live.events.partners_member_removed_v1.title'),
        body: mine('userId')
          ? t('live.events.partners_member_removed_v1.you')
          : t('live.events.partners_member_removed_v1.body'),
      };
    case 'bundling.booking.held.v1':
    case 'bundling.booking.confirmed.v1':
    case 'bundling.booking.cancelled.v1':
    case 'bundling.booking.expired.v1': {
      // The traveller's own booking (its audience); the package as it was booked.
      const key = event.subject.replace(/\./g, '_');
      const title = field(event, 'packageTitle') || t('live.events.bundling_package');
      return { title: t(`live.events.${key}.title`), body: t(`live.events.${key}.body`, { title }) };
    }
    // Billing: payments and refunds go to their traveller, transfers, payouts and the Stripe
    // account to the partner's members (the account's changes to admins too).
    case 'billing.payment.succeeded.v1':
    case 'billing.refund.issued.v1':
    case 'billing.transfer.sent.v1':
    case 'billing.payout.paid.v1': {
      const key = event.subject.replace(/\./g, '_');
      const sum = amount(event, reader.language ?? 'en');
      return {
        title: t(`live.events.${key}.title`),
        body: sum ? t(`live.events.${key}.body`, { amount: sum }) : t(`live.events.${key}.bodyNoAmount`),
      };
    }
    case 'billing.payment.failed.v1':
      return {
        title: t('live.events.billing_payment_failed_v1.title'),
        body: t('live.events.billing_payment_failed_v1.body'),
      };
    case 'billing.partner_account.updated.v1': {
      const enabled = field(event, 'status') === 'enabled';
      const state = enabled ? 'enabled' : 'needsInfo';
      return {
        title: t(`live.events.billing_partner_account_updated_v1.${state}.title`),
        body: reader.isAdmin
          ? t(`live.events.billing_partner_account_updated_v1.${state}.admin`)
          : t(`live.events.billing_partner_account_updated_v1.${state}.body`),
      };
    }
    case 'billing.partner_data.erased.v1':
    case 'bundling.partner_data.erased.v1': {
      const key = event.subject.replace(/\./g, '_');
      return { title: t(`live.events.${key}.title`), body: t(`live.events.${key}.body`) };
    }
    default:
      return { title: t('live.events.other.title'), body: t('live.events.other.body') };
  }
}

/** `describeEvent` for the signed-in reader, in the UI language. */
export function useEventText(): (event: LiveEvent) => EventText {
  const { t, i18n } = useTranslation('common');
  const { user } = useAuth();
  const userId = user?.id ?? null;
  const isAdmin = !!user?.roles.includes('admin');
  const language = i18n.language;
  return useCallback(
    (event: LiveEvent) => describeEvent(t, event, { userId, isAdmin, language }),
    [t, userId, isAdmin, language],
  );
}
