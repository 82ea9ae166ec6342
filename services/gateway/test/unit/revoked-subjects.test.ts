import { describe, expect, it } from 'vitest';
import { createRevokedSubjects } from '../../src/revoked-subjects.ts';

describe('revoked subjects', () => {
  it('remembers an erased user until the longest access token has expired, then forgets them', () => {
    let now = 1_000_000;
    const revoked = createRevokedSubjects(900, () => now);
    const told: string[] = [];
    revoked.onRevoke((id) => told.push(id));
    revoked.revoke('u1');
    expect(told).toEqual(['u1']);
    expect(revoked.isRevoked('u1')).toBe(true);
    expect(revoked.isRevoked('u2')).toBe(false);
    now += 899_999;
    expect(revoked.isRevoked('u1')).toBe(true);
    now += 1;
    expect(revoked.isRevoked('u1')).toBe(false);
    expect(revoked.size()).toBe(0);
  });

  it('sweeps expired entries when another user is revoked, so the list stays small', () => {
    let now = 0;
    const revoked = createRevokedSubjects(60, () => now);
    revoked.revoke('a');
    revoked.revoke('b');
    now += 60_000;
    revoked.revoke('c');
    expect(revoked.size()).toBe(1);
    expect(revoked.isRevoked('c')).toBe(true);
  });
});
