import { describe, expect, it } from 'vitest';
import { memberRoles, partnerStatuses, type MemberRole, type PartnerStatus } from '@tourconnect/contracts/http';
import {
  documentRights,
  editScope,
  LEGAL_FIELDS,
  REVIEWED_FIELDS,
  memberMay,
  nextStatus,
  PUBLIC_STATUSES,
  type EditScope,
  type MemberAction,
  type PartnerTransition,
} from '../../src/domain/status.ts';

// The expectations are written out from the README ("Status", "Members"), not derived from
// the implementation, so a change to either side that the other does not follow fails here.
const allowed: Record<PartnerTransition, Partial<Record<PartnerStatus, PartnerStatus>>> = {
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

const transitions = Object.keys(allowed) as PartnerTransition[];
const matrix = partnerStatuses.flatMap((from) =>
  transitions.map((transition) => ({ from, transition, to: allowed[transition][from] })),
);

describe('partner status machine', () => {
  it.each(matrix.filter((row) => row.to))('$from --$transition--> $to', ({ from, transition, to }) => {
    expect(nextStatus(from, transition)).toBe(to);
  });

  it.each(matrix.filter((row) => !row.to))('$from --$transition--> refused', ({ from, transition }) => {
    expect(nextStatus(from, transition)).toBeUndefined();
  });

  it('deleted is terminal', () => {
    for (const transition of transitions) expect(nextStatus('deleted', transition)).toBeUndefined();
  });

  it('every status but deleted can still reach deleted (nothing is stuck)', () => {
    const reachable = (from: PartnerStatus, seen = new Set<PartnerStatus>()): Set<PartnerStatus> => {
      seen.add(from);
      for (const transition of transitions) {
        const to = nextStatus(from, transition);
        if (to && !seen.has(to)) reachable(to, seen);
      }
      return seen;
    };
    for (const status of partnerStatuses) expect(reachable(status).has('deleted'), status).toBe(true);
  });
});

describe('what a partner may change per status', () => {
  const scopes: Record<PartnerStatus, EditScope> = {
    draft: 'all',
    rejected: 'all',
    verified: 'reopens_review',
    pending_review: 'profile_only',
    suspended: 'none',
    deletion_requested: 'none',
    deleted: 'none',
  };
  it.each(partnerStatuses)('editScope(%s)', (status) => {
    expect(editScope(status)).toBe(scopes[status]);
  });

  const documents: Record<PartnerStatus, { upload: boolean; remove: boolean }> = {
    draft: { upload: true, remove: true },
    rejected: { upload: true, remove: true },
    verified: { upload: true, remove: false },
    pending_review: { upload: false, remove: false },
    suspended: { upload: false, remove: false },
    deletion_requested: { upload: false, remove: false },
    deleted: { upload: false, remove: false },
  };
  it.each(partnerStatuses)('documentRights(%s)', (status) => {
    expect(documentRights(status)).toEqual(documents[status]);
  });

  it('a legal name or VAT id change reopens review for a verified partner', () => {
    expect(LEGAL_FIELDS).toEqual(expect.arrayContaining(['legalName', 'vatId']));
    expect(LEGAL_FIELDS).not.toContain('description');
    expect(LEGAL_FIELDS).not.toContain('name');
  });

  it('the display name is reviewed like the legal fields; the rest of the profile is not', () => {
    expect([...REVIEWED_FIELDS].sort()).toEqual(['country', 'legalName', 'name', 'vatId']);
    for (const field of ['description', 'descriptions', 'website', 'socialLinks', 'contactEmail', 'regions'])
      expect(REVIEWED_FIELDS).not.toContain(field);
  });

  it('only verified partners are public: never pending review, never suspended', () => {
    expect([...PUBLIC_STATUSES]).toEqual(['verified']);
  });
});

describe('member rights (README "Members")', () => {
  const actions: MemberAction[] = ['read', 'edit', 'manage_members', 'transfer_ownership', 'export', 'delete'];
  const may: Record<MemberRole, readonly MemberAction[]> = {
    owner: ['read', 'edit', 'manage_members', 'transfer_ownership', 'export', 'delete'],
    manager: ['read', 'edit'],
    viewer: ['read'],
  };
  const rows = memberRoles.flatMap((role) =>
    actions.map((action) => ({ role, action, expected: may[role].includes(action) })),
  );

  it.each(rows)('$role may $action: $expected', ({ role, action, expected }) => {
    expect(memberMay(role, action)).toBe(expected);
  });
});
