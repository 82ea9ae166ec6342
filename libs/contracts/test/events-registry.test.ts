// The subject → message registry: naming and versioning rules, completeness against the
// generated files, lossless JSON round trips (also through the envelope), and rejection of
// payloads that break their contract.
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, equals, fromJson, getOption, ScalarType, toJson } from '@bufbuild/protobuf';
import type { DescFile, DescMessage, JsonObject, JsonValue } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { describe, expect, it } from 'vitest';
import {
  decodeEventPayload,
  encodeEventPayload,
  EnvelopeSchema,
  EventContractError,
  eventContracts,
  eventSubjectOption,
  parseSubject,
  SUBJECT_PATTERN,
  type EventSubject,
} from '../src/events.ts';

const genDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'gen', 'tourconnect', 'events');
const subjects = [...eventContracts.keys()] as EventSubject[];

async function generatedFiles(): Promise<DescFile[]> {
  const files: DescFile[] = [];
  for (const version of await readdir(genDir)) {
    for (const name of await readdir(join(genDir, version))) {
      const module = (await import(join(genDir, version, name))) as Record<string, unknown>;
      for (const value of Object.values(module)) {
        if ((value as { kind?: string } | null)?.kind === 'file') files.push(value as DescFile);
      }
    }
  }
  return files;
}

// A payload with every field set to a non-default value, so a round trip that drops or
// mangles any field shows up.
function sample(desc: DescMessage, depth = 0): Record<string, unknown> {
  const init: Record<string, unknown> = {};
  for (const field of desc.fields) {
    const one = (): unknown => {
      if (field.message) {
        return field.message.typeName === 'google.protobuf.Timestamp'
          ? timestampFromDate(new Date(Date.UTC(2030, 4, 17, 9, 30, field.number)))
          : sample(field.message, depth + 1);
      }
      switch (field.scalar) {
        case ScalarType.STRING:
          return `${field.name}-${depth}`;
        case ScalarType.BOOL:
          return true;
        case ScalarType.INT64:
          return 9_007_199_254_740_993n + BigInt(field.number); // > 2^53
        case ScalarType.INT32:
          return 7 + field.number;
        default:
          throw new Error(`sample() does not know ${field.toString()}; extend it`);
      }
    };
    init[field.localName] = field.fieldKind === 'list' ? [one(), one()] : one();
  }
  return init;
}

describe('subjects', () => {
  it('registers every event named in ARCHITECTURE.md and the partner issue', () => {
    expect(subjects).toEqual(
      expect.arrayContaining([
        'identity.user.registered.v1',
        'identity.user.deleted.v1',
        'identity.user.role_granted.v1',
        'partners.partner.registered.v1',
        'partners.partner.verified.v1',
        'partners.partner.rejected.v1',
        'partners.partner.deletion_requested.v1',
        'partners.partner.deleted.v1',
        'bundling.booking.held.v1',
        'bundling.booking.confirmed.v1',
        'bundling.booking.cancelled.v1',
        'billing.payment.succeeded.v1',
        'billing.refund.issued.v1',
        'billing.payout.paid.v1',
        'promotions.commission.earned.v1',
        'promotions.coupon.redeemed.v1',
        'connectors.availability.synced.v1',
        'connectors.booking.cancelled_externally.v1',
        // What the notifications service e-mails about (issue 10).
        'identity.email_verification.requested.v1',
        'identity.password_reset.requested.v1',
        'identity.email_change.requested.v1',
        'partners.invitation.sent.v1',
        'notifications.email.sent.v1',
        'notifications.email.failed.v1',
      ]),
    );
    expect(subjects.some((subject) => subject.startsWith('analytics.'))).toBe(false);
  });

  it.each(subjects)('%s follows the naming rule and names a message of the same version', (subject) => {
    const schema = eventContracts.get(subject)!;
    expect(subject).toMatch(SUBJECT_PATTERN);
    const { service, version } = parseSubject(subject);
    expect(schema.file.proto.package).toBe(`tourconnect.events.v${version}`);
    expect(schema.name).toMatch(new RegExp(`V${version}$`));
    // The proto is the source of truth: the subject written next to the message agrees,
    // and the message lives in its producer's file.
    expect(getOption(schema, eventSubjectOption)).toBe(subject);
    expect(schema.file.name).toBe(`tourconnect/events/v${version}/${service}`);
  });

  it('rejects subjects that break the rule', () => {
    for (const bad of [
      'billing.payment.succeeded',
      'Billing.payment.succeeded.v1',
      'billing.payment.v1',
      'billing.pay-ment.succeeded.v1',
    ]) {
      expect(SUBJECT_PATTERN.test(bad), bad).toBe(false);
      expect(() => parseSubject(bad)).toThrow(EventContractError);
    }
  });

  it('leaves no message in the event files unregistered', async () => {
    const registered = new Set(eventContracts.values());
    const partsOfEvents = new Set([...registered].flatMap((schema) => schema.fields.flatMap((f) => f.message ?? [])));
    for (const file of await generatedFiles()) {
      for (const message of file.messages) {
        const subject = getOption(message, eventSubjectOption);
        if (subject !== '') expect(eventContracts.get(subject), `${message.typeName} (${subject})`).toBe(message);
        else if (message.typeName !== EnvelopeSchema.typeName)
          expect(partsOfEvents.has(message), message.typeName).toBe(true);
      }
    }
  });
});

describe('JSON round trip', () => {
  it.each(subjects)('%s survives encode → wire → decode with every field set', (subject) => {
    const schema = eventContracts.get(subject)!;
    const original = create(schema, sample(schema));
    const wire = JSON.parse(JSON.stringify(encodeEventPayload(subject, original as never))) as JsonValue;
    expect(equals(schema, decodeEventPayload(subject, wire), original)).toBe(true);
  });

  it('carries the payload through the envelope Struct without losing int64 precision', () => {
    const payload = encodeEventPayload('billing.payment.succeeded.v1', {
      paymentId: 'pay_1',
      bookingId: 'bk_1',
      packageId: 'pkg_1',
      userId: 'u_1',
      amountMinor: 9_007_199_254_740_993n,
      currency: 'EUR',
      paymentIntentId: 'pi_1',
    });
    expect(payload).toMatchObject({ amountMinor: '9007199254740993', couponCode: '' });
    const envelope = fromJson(EnvelopeSchema, {
      id: '0196f0c2-7a3e-7000-8000-000000000001',
      subject: 'billing.payment.succeeded.v1',
      occurredAt: '2030-05-17T09:30:00Z',
      producer: 'billing',
      payload,
    });
    const onTheWire = JSON.parse(JSON.stringify(toJson(EnvelopeSchema, envelope))) as JsonObject;
    const decoded = decodeEventPayload('billing.payment.succeeded.v1', onTheWire.payload!);
    expect(decoded.amountMinor).toBe(9_007_199_254_740_993n);
    expect(decoded.currency).toBe('EUR');
  });
});

describe('invalid payloads', () => {
  const registered = {
    userId: 'u_1',
    email: 'ada@example.com',
    displayName: 'Ada',
    roles: ['traveller'],
    locale: 'en',
  };
  const heldJson = () => ({
    bookingId: 'bk_1',
    packageId: 'pkg_1',
    userId: 'u_1',
    currency: 'EUR',
    totalMinor: '12500',
    holdExpiresAt: '2030-05-17T09:45:00Z',
    items: [{ itemId: 'it_1', itemType: 'tour', partnerId: 'p_1', quantity: 2, netMinor: '12500' }],
  });
  const failure = (run: () => unknown): EventContractError => {
    try {
      run();
    } catch (error) {
      if (error instanceof EventContractError) return error;
      throw error;
    }
    throw new Error('expected an EventContractError');
  };

  it('refuses an unknown field when encoding, naming it', () => {
    const error = failure(() =>
      encodeEventPayload('identity.user.registered.v1', { ...registered, userID: 'u_1' } as never),
    );
    expect(error.field).toBe('userID');
    expect(error.message).toContain('identity.user.registered.v1');
    expect(error.message).toContain('"userID"');
  });

  it('refuses an unknown field inside a list item, naming its path', () => {
    const init = {
      bookingId: 'bk_1',
      packageId: 'pkg_1',
      userId: 'u_1',
      currency: 'EUR',
      totalMinor: 12_500n,
      holdExpiresAt: timestampFromDate(new Date()),
      items: [{ itemId: 'it_1', itemType: 'tour', partnerId: 'p_1', quantity: 2, partner: 'p_2' }],
    };
    const error = failure(() => encodeEventPayload('bundling.booking.held.v1', init as never));
    expect(error.field).toBe('items[0].partner');
  });

  it('refuses a wrong type when encoding, naming the field', () => {
    const error = failure(() =>
      encodeEventPayload('identity.user.registered.v1', { ...registered, userId: 42 } as never),
    );
    expect(error.field).toBe('userId');
    expect(error.message).toMatch(/identity\.user\.registered\.v1.*userId.*expected string/);
  });

  it('refuses a missing required field, naming it, in both directions', () => {
    const { userId: _dropped, ...withoutId } = registered;
    expect(failure(() => encodeEventPayload('identity.user.registered.v1', withoutId)).field).toBe('userId');
    const held = heldJson();
    held.items[0]!.partnerId = '';
    expect(failure(() => decodeEventPayload('bundling.booking.held.v1', held)).field).toBe('items[0].partnerId');
    expect(failure(() => decodeEventPayload('bundling.booking.held.v1', { ...heldJson(), items: [] })).field).toBe(
      'items',
    );
  });

  it('refuses wrong types when decoding: amounts, timestamps, lists', () => {
    const cases: [JsonObject, string][] = [
      [{ ...heldJson(), totalMinor: '125.00' }, 'totalMinor'],
      [{ ...heldJson(), totalMinor: 'abc' }, 'totalMinor'],
      [{ ...heldJson(), holdExpiresAt: 'in 15 minutes' }, 'holdExpiresAt'],
      [{ ...heldJson(), items: 'it_1' }, 'items'],
    ];
    for (const [json, field] of cases) {
      const error = failure(() => decodeEventPayload('bundling.booking.held.v1', json));
      expect(error.field, JSON.stringify(json)).toBe(field);
      expect(error.message).toContain('bundling.booking.held.v1');
    }
  });

  it('tolerates unknown fields when decoding (additive changes keep vN) unless asked to be strict', () => {
    const newer = { ...heldJson(), addedInALaterRelease: true };
    expect(decodeEventPayload('bundling.booking.held.v1', newer).bookingId).toBe('bk_1');
    const error = failure(() => decodeEventPayload('bundling.booking.held.v1', newer, { rejectUnknownFields: true }));
    expect(error.field).toBe('addedInALaterRelease');
  });

  it('refuses an unknown subject and a message of another event', () => {
    expect(() => decodeEventPayload('billing.payment.vanished.v1' as EventSubject, {})).toThrow(/unknown subject/);
    const other = create(eventContracts.get('identity.user.deleted.v1')!);
    expect(() => encodeEventPayload('identity.user.registered.v1', other as never)).toThrow(
      /expected tourconnect\.events\.v1\.UserRegisteredV1/,
    );
  });
});
