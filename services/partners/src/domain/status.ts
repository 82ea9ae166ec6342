import type { MemberRole, PartnerStatus } from '@tourconnect/contracts/http';

/**
 * The verification state machine (README "Status"): which transitions exist, and what a
 * partner may change in each status. Pure, so the rules are unit-tested in one place.
 */
export type PartnerTransition =
  'submit' | 'approve' | 'reject' | 'legal_change' | 'suspend' | 'reinstate' | 'request_deletion' | 'erase';

const transitions: Record<PartnerTransition, Partial<Record<PartnerStatus, PartnerStatus>>> = {
  submit: { draft: 'pending_review', rejected: 'pending_review' },
  approve: { pending_review: 'verified' },
  reject: { pending_review: 'rejected' },
  legal_change: { verified: 'pending_review' },
  suspend: { verified: 'suspended', pending_review: 'suspended' },
  reinstate: { suspended: 'verified' },
  request_deletion: {
    draft: 'deletion_requested',
    pending_review: 'deletion_requested',
    verified: 'deletion_requested',
    rejected: 'deletion_requested',
    suspended: 'deletion_requested',
  },
  erase: { deletion_requested: 'deleted' },
};

/** The status after `transition`, or undefined when it is not allowed from `from`. */
export function nextStatus(from: PartnerStatus, transition: PartnerTransition): PartnerStatus | undefined {
  return transitions[transition][from];
}

/** A partner row's status and the badge that goes with it (on exactly in `verified`; the table checks it too). */
export interface StatusChange {
  status: PartnerStatus;
  verified: boolean;
}

/**
 * What `transition` changes on a partner in status `from`, or undefined when it is not allowed.
 * Every status change goes through here, so no code path sets a status the machine lacks.
 */
export function statusChange(from: PartnerStatus, transition: PartnerTransition): StatusChange | undefined {
  const status = nextStatus(from, transition);
  return status ? { status, verified: status === 'verified' } : undefined;
}

/**
 * What a partner may edit in a status (README "Status"):
 * - `all`: drafts and rejected partners edit everything;
 * - `reopens_review`: a verified partner edits everything, but a change to a reviewed field
 *   (display name, legal name, VAT id, country) sends it back to review and removes the badge;
 * - `profile_only`: while in review, everything but the reviewed fields (the admin is judging
 *   them), so description, logo, website, social links, contacts, regions and languages;
 * - `none`: suspended, being erased, erased.
 */
export type EditScope = 'all' | 'reopens_review' | 'profile_only' | 'none';

export function editScope(status: PartnerStatus): EditScope {
  if (status === 'draft' || status === 'rejected') return 'all';
  if (status === 'verified') return 'reopens_review';
  if (status === 'pending_review') return 'profile_only';
  return 'none';
}

/** Documents change while the partner prepares its case; a verified partner may add (renewals) but not remove. */
export function documentRights(status: PartnerStatus): { upload: boolean; remove: boolean } {
  if (status === 'draft' || status === 'rejected') return { upload: true, remove: true };
  if (status === 'verified') return { upload: true, remove: false };
  return { upload: false, remove: false };
}

/** The legal identity of the business: locked while in review, a change reopens a verified partner's review. */
export const LEGAL_FIELDS = ['legalName', 'vatId', 'country'] as const;

/**
 * What the badge vouches for: the legal fields and the display name, which is what travellers
 * trust (issue 10 #5: a verified partner renamed itself "… Official" and kept the badge). A
 * verified partner changing one goes back to review (transition `legal_change`); while in
 * review they are locked.
 */
export const REVIEWED_FIELDS = ['name', ...LEGAL_FIELDS] as const;
export type ReviewedField = (typeof REVIEWED_FIELDS)[number];

export function isReviewedField(field: string): field is ReviewedField {
  return (REVIEWED_FIELDS as readonly string[]).includes(field);
}

/** Statuses in which members join and are invited: not once the partner is being (or has been) erased. */
const LIVE_FOR_MEMBERSHIP: readonly PartnerStatus[] = ['draft', 'pending_review', 'verified', 'rejected', 'suspended'];

export function isLiveForMembership(status: PartnerStatus): boolean {
  return LIVE_FOR_MEMBERSHIP.includes(status);
}

/**
 * Listed in the public directory and shown as a public profile: verified partners only. A
 * partner waiting for review is not vouched for yet, and a suspended one no longer is (issue 11:
 * pending partners were listed beside verified ones).
 */
export const PUBLIC_STATUSES: readonly PartnerStatus[] = ['verified'];

export type MemberAction = 'read' | 'edit' | 'manage_members' | 'transfer_ownership' | 'export' | 'delete';

const rights: Record<MemberRole, readonly MemberAction[]> = {
  owner: ['read', 'edit', 'manage_members', 'transfer_ownership', 'export', 'delete'],
  manager: ['read', 'edit'],
  viewer: ['read'],
};

export function memberMay(role: MemberRole, action: MemberAction): boolean {
  return rights[role].includes(action);
}
