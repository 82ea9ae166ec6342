/** Partner Portal screens that exist today, in subnav order after the overview. */
export const partnerPages = ['onboarding', 'profile', 'members', 'privacy'] as const;
export type PartnerPage = (typeof partnerPages)[number];

/**
 * Partner Portal areas served by other services (bundling's catalogue, packages, bookings…),
 * shown in the subnav after the pages above, each labelled `partner:sections.<name>.title`.
 * Only an area with a working screen belongs here: unfinished ones stay out of the
 * navigation (no "coming soon" placeholders).
 */
export const partnerSections: readonly string[] = ['catalogue', 'packages', 'bookings', 'payouts', 'sponsored'];
