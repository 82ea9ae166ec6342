import { describe, expect, it } from 'vitest';
import { canonicalJson, computeAuditHash, GENESIS_HASH } from '../src/index.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 0, y: 1 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,1,{"y":1,"z":0}]},"b":1}',
    );
  });

  it('follows JSON semantics: dates as ISO strings, undefined members dropped, -0 as 0', () => {
    expect(canonicalJson({ at: new Date(0), gone: undefined, zero: -0, list: [undefined] })).toBe(
      '{"at":"1970-01-01T00:00:00.000Z","list":[null],"zero":0}',
    );
  });

  it('is independent of insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('computeAuditHash', () => {
  const fields = {
    seq: 1,
    occurredAt: new Date('2025-01-01T00:00:00.000Z'),
    actorId: 'user_1',
    actorRole: 'admin',
    action: 'partner.verified',
    entityType: 'partner',
    entityId: 'p_1',
    data: { level: 'gold', fee_bp: 1500 },
    correlationId: null,
  };

  // Pinned: changing the canonical form would make every stored chain fail verification.
  it('is stable across releases', () => {
    expect(computeAuditHash(GENESIS_HASH, fields)).toBe(PINNED);
  });

  it('changes with any field or the previous hash', () => {
    const base = computeAuditHash(GENESIS_HASH, fields);
    expect(computeAuditHash('f'.repeat(64), fields)).not.toBe(base);
    expect(computeAuditHash(GENESIS_HASH, { ...fields, seq: 2 })).not.toBe(base);
    expect(computeAuditHash(GENESIS_HASH, { ...fields, occurredAt: new Date(1) })).not.toBe(base);
    expect(computeAuditHash(GENESIS_HASH, { ...fields, data: { level: 'gold', fee_bp: 1501 } })).not.toBe(base);
    expect(computeAuditHash(GENESIS_HASH, { ...fields, correlationId: 'c' })).not.toBe(base);
  });
});

// sha256('0'×64 + '{"action":"partner.verified","actorId":"user_1","actorRole":"admin",
// "correlationId":null,"data":{"fee_bp":1500,"level":"gold"},"entityId":"p_1",
// "entityType":"partner","occurredAt":"2025-01-01T00:00:00.000Z","seq":1}'), computed by hand.
const PINNED = 'c8998eab15089d4a1e7edf692c64495882781a3fc963553d7aade9593ab9c6d4';
