/** Partner Portal areas (MISSION §7); each becomes a real screen as its service lands. */
export const partnerSections = [
  'onboarding',
  'profile',
  'packages',
  'coupons',
  'affiliates',
  'analytics',
  'payouts',
] as const;
export type PartnerSection = (typeof partnerSections)[number];

export function isPartnerSection(value: string | undefined): value is PartnerSection {
  return !!value && (partnerSections as readonly string[]).includes(value);
}
