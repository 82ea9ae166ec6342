/** What bundling knows of a partner's standing, from the partners projection. */
export interface PartnerStanding {
  status: string;
  verified: boolean;
}

/**
 * Whether a partner's published items and packages may be sold (searched, quoted, booked):
 * only while it is verified. A suspended partner, one back in review after changing its legal
 * details, one asking to be erased, or one bundling has not heard of yet sells nothing.
 */
export function isSellable(partner: PartnerStanding | null | undefined): boolean {
  return !!partner && partner.verified && partner.status === 'verified';
}

/** Publishing an item or a package needs the same standing as selling it. */
export const canPublish = isSellable;
