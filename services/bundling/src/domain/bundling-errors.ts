import { AppError, conflict } from '@tourconnect/service-kit';

/**
 * bundling's domain errors, one factory per stable `code` (the portal translates each in
 * web/src/locales/<lang>/errors.json). Add new ones here, not inline in routes.
 */
export const notAPartnerMember = () =>
  new AppError(403, 'partner_membership_required', 'Only a member of a partner can manage a catalogue');
export const partnerRoleForbidden = () =>
  new AppError(403, 'partner_role_forbidden', 'Your role in this partner only allows reading (viewer)');
export const partnerNotVerified = () =>
  conflict('partner_not_verified', 'Only a verified partner can publish; finish verification first');
