/** Partner Portal screens that exist today, in subnav order after the overview. */
export const partnerPages = ['onboarding', 'profile', 'members', 'privacy'] as const;
export type PartnerPage = (typeof partnerPages)[number];

/** Partner Portal areas still to come (MISSION §7); each becomes a real screen as its service lands. */
export const partnerSections = ['packages', 'coupons', 'affiliates', 'analytics', 'payouts'] as const;
export type PartnerSection = (typeof partnerSections)[number];

export function isPartnerSection(value: string | undefined): value is PartnerSection {
  return !!value && (partnerSections as readonly string[]).includes(value);
}
