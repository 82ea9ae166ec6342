// Integration-event contracts: the subject → message registry over the code generated from
// proto/ (src/gen, never edited by hand), and the only sanctioned way to turn an event
// payload into JSON and back. See ../README.md for the rules on adding and evolving events.
import { create, fromJson, getOption, isMessage, toJson } from '@bufbuild/protobuf';
import type {
  DescField,
  DescMessage,
  JsonValue,
  MessageInitShape,
  MessageJsonType,
  MessageShape,
} from '@bufbuild/protobuf';
import {
  UserDeletedV1Schema,
  UserRegisteredV1Schema,
  UserRoleGrantedV1Schema,
  UserRoleRevokedV1Schema,
  PartnerDataErasedV1Schema,
  EmailVerificationRequestedV1Schema,
  PasswordResetRequestedV1Schema,
  EmailChangeRequestedV1Schema,
  UserEmailChangedV1Schema,
  UserProfileUpdatedV1Schema,
  UserSignupAttemptedV1Schema,
  UserLockedV1Schema,
} from './gen/tourconnect/events/v1/identity_pb.ts';
import {
  PartnerDeletedV1Schema,
  PartnerDeletionRequestedV1Schema,
  PartnerRegisteredV1Schema,
  PartnerRejectedV1Schema,
  PartnerVerifiedV1Schema,
  PartnerSubmittedV1Schema,
  PartnerSuspendedV1Schema,
  PartnerOwnerChangedV1Schema,
  PartnerMemberJoinedV1Schema,
  PartnerMemberRemovedV1Schema,
  PartnerInvitationSentV1Schema,
} from './gen/tourconnect/events/v1/partners_pb.ts';
import { EmailFailedV1Schema, EmailSentV1Schema } from './gen/tourconnect/events/v1/notifications_pb.ts';
import {
  BookingCancelledV1Schema,
  BookingConfirmedV1Schema,
  BookingExpiredV1Schema,
  BookingHeldV1Schema,
  BundlingPartnerDataErasedV1Schema,
  InteractionsRecordedV1Schema,
  PackagePublishedV1Schema,
  CampaignClickChargedV1Schema,
} from './gen/tourconnect/events/v1/bundling_pb.ts';
import {
  PaymentSucceededV1Schema,
  PayoutPaidV1Schema,
  RefundIssuedV1Schema,
  PartnerAccountUpdatedV1Schema,
  PaymentFailedV1Schema,
  TransferSentV1Schema,
  BillingPartnerDataErasedV1Schema,
} from './gen/tourconnect/events/v1/billing_pb.ts';
import { CommissionEarnedV1Schema, CouponRedeemedV1Schema } from './gen/tourconnect/events/v1/promotions_pb.ts';
import {
  AvailabilitySyncedV1Schema,
  BookingCancelledExternallyV1Schema,
} from './gen/tourconnect/events/v1/connectors_pb.ts';
import { required } from './gen/tourconnect/events/v1/options_pb.ts';

export * from './gen/tourconnect/events/v1/envelope_pb.ts';
export * from './gen/tourconnect/events/v1/identity_pb.ts';
export * from './gen/tourconnect/events/v1/partners_pb.ts';
export * from './gen/tourconnect/events/v1/bundling_pb.ts';
export * from './gen/tourconnect/events/v1/billing_pb.ts';
export * from './gen/tourconnect/events/v1/promotions_pb.ts';
export * from './gen/tourconnect/events/v1/connectors_pb.ts';
export * from './gen/tourconnect/events/v1/notifications_pb.ts';
// Renamed: bare `required` and `event_subject` would be cryptic at the package root.
export {
  event_subject as eventSubjectOption,
  required as requiredFieldOption,
  file_tourconnect_events_v1_options,
} from './gen/tourconnect/events/v1/options_pb.ts';
// Producers build Timestamp fields with these, so services need no direct protobuf import.
export { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
export type { DescMessage, JsonObject, JsonValue } from '@bufbuild/protobuf';

/** `<service>.<entity>.<past-verb>.v<N>`, e.g. `billing.payment.succeeded.v1`. */
export const SUBJECT_PATTERN = /^[a-z]+\.[a-z_]+\.[a-z_]+\.v\d+$/;

// One line per event. A breaking change adds the vN+1 subject next to vN; both stay until
// every consumer has moved. analytics publishes nothing.
const schemas = {
  'identity.user.registered.v1': UserRegisteredV1Schema,
  'identity.user.deleted.v1': UserDeletedV1Schema,
  'identity.user.role_granted.v1': UserRoleGrantedV1Schema,
  'identity.user.role_revoked.v1': UserRoleRevokedV1Schema,
  'identity.partner_data.erased.v1': PartnerDataErasedV1Schema,
  'identity.email_verification.requested.v1': EmailVerificationRequestedV1Schema,
  'identity.password_reset.requested.v1': PasswordResetRequestedV1Schema,
  'identity.email_change.requested.v1': EmailChangeRequestedV1Schema,
  'identity.user.email_changed.v1': UserEmailChangedV1Schema,
  'identity.user.profile_updated.v1': UserProfileUpdatedV1Schema,
  'identity.user.signup_attempted.v1': UserSignupAttemptedV1Schema,
  'identity.user.locked.v1': UserLockedV1Schema,
  'partners.partner.registered.v1': PartnerRegisteredV1Schema,
  'partners.partner.verified.v1': PartnerVerifiedV1Schema,
  'partners.partner.rejected.v1': PartnerRejectedV1Schema,
  'partners.partner.deletion_requested.v1': PartnerDeletionRequestedV1Schema,
  'partners.partner.deleted.v1': PartnerDeletedV1Schema,
  'partners.partner.submitted.v1': PartnerSubmittedV1Schema,
  'partners.partner.suspended.v1': PartnerSuspendedV1Schema,
  'partners.partner.owner_changed.v1': PartnerOwnerChangedV1Schema,
  'partners.member.joined.v1': PartnerMemberJoinedV1Schema,
  'partners.member.removed.v1': PartnerMemberRemovedV1Schema,
  'partners.invitation.sent.v1': PartnerInvitationSentV1Schema,
  'bundling.booking.held.v1': BookingHeldV1Schema,
  'bundling.booking.confirmed.v1': BookingConfirmedV1Schema,
  'bundling.booking.cancelled.v1': BookingCancelledV1Schema,
  'bundling.booking.expired.v1': BookingExpiredV1Schema,
  'bundling.package.published.v1': PackagePublishedV1Schema,
  'bundling.campaign.click_charged.v1': CampaignClickChargedV1Schema,
  'bundling.partner_data.erased.v1': BundlingPartnerDataErasedV1Schema,
  'bundling.interactions.recorded.v1': InteractionsRecordedV1Schema,
  'billing.payment.succeeded.v1': PaymentSucceededV1Schema,
  'billing.refund.issued.v1': RefundIssuedV1Schema,
  'billing.payout.paid.v1': PayoutPaidV1Schema,
  'billing.partner_account.updated.v1': PartnerAccountUpdatedV1Schema,
  'billing.payment.failed.v1': PaymentFailedV1Schema,
  'billing.transfer.sent.v1': TransferSentV1Schema,
  'billing.partner_data.erased.v1': BillingPartnerDataErasedV1Schema,
  'promotions.commission.earned.v1': CommissionEarnedV1Schema,
  'promotions.coupon.redeemed.v1': CouponRedeemedV1Schema,
  'connectors.availability.synced.v1': AvailabilitySyncedV1Schema,
  'connectors.booking.cancelled_externally.v1': BookingCancelledExternallyV1Schema,
  'notifications.email.sent.v1': EmailSentV1Schema,
  'notifications.email.failed.v1': EmailFailedV1Schema,
} as const;
type Schemas = typeof schemas;

export type EventSubject = keyof Schemas;
/** Decoded payload (protobuf message: int64 amounts are bigint, times are Timestamp). */
export type EventPayloadBySubject = { [S in EventSubject]: MessageShape<Schemas[S]> };
/** Canonical proto3 JSON of the payload as it sits in the envelope (int64 as strings). */
export type EventJsonBySubject = { [S in EventSubject]: MessageJsonType<Schemas[S]> };
/** What a producer passes to encodeEventPayload: a plain object or the message itself. */
export type EventPayloadInit<S extends EventSubject> = MessageInitShape<Schemas[S]>;

/** Subject → generated message schema, for every event any service publishes. */
export const eventContracts: Map<string, DescMessage> = new Map(Object.entries(schemas));

export function isEventSubject(subject: string): subject is EventSubject {
  return eventContracts.has(subject);
}

export interface ParsedSubject {
  service: string;
  entity: string;
  verb: string;
  version: number;
}

/** Splits a subject; `service` is the producer named in the envelope. */
export function parseSubject(subject: string): ParsedSubject {
  if (!SUBJECT_PATTERN.test(subject))
    throw new EventContractError(subject, 'subject does not match <service>.<entity>.<past-verb>.v<N>');
  const [service = '', entity = '', verb = '', version = ''] = subject.split('.');
  return { service, entity, verb, version: Number(version.slice(1)) };
}

/** A payload that breaks its contract; `field` is the JSON path when one field is at fault. */
export class EventContractError extends Error {
  override readonly name = 'EventContractError';
  constructor(
    readonly subject: string,
    detail: string,
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(`invalid event ${subject}: ${field === undefined ? '' : `field "${field}": `}${detail}`, options);
  }
}

/**
 * Validates a producer's payload and returns its canonical JSON for the envelope. Strict:
 * unknown fields, wrong types and empty required fields throw, so a typo never ships.
 * Fields holding their default value are written out too, so JSON readers (portal, admin
 * dead-letter view) see every field.
 */
export function encodeEventPayload<S extends EventSubject>(subject: S, value: EventPayloadInit<S>): JsonValue {
  const schema = schemaFor(subject);
  if (isMessage(value)) {
    if (value.$typeName !== schema.typeName)
      throw new EventContractError(subject, `expected ${schema.typeName}, got ${value.$typeName}`);
  } else {
    rejectUnknownKeys(subject, schema, value, '');
  }
  const message = create(schema, value);
  const json = guarded(
    subject,
    () => toJson(schema, message, { alwaysEmitImplicit: true }),
    () => locateField(schema, message, (desc, part) => toJson(desc, create(desc, part)), ''),
  );
  checkRequired(subject, schema, message as Record<string, unknown>, '');
  return json;
}

export interface DecodeOptions {
  /** Unknown fields are ignored by default: additive changes keep vN, so a consumer built
   * before a field was added must still accept events from a newer producer. */
  rejectUnknownFields?: boolean;
}

/** Validates an envelope payload and returns the typed message. */
export function decodeEventPayload<S extends EventSubject>(
  subject: S,
  json: JsonValue,
  options: DecodeOptions = {},
): EventPayloadBySubject[S] {
  const schema = schemaFor(subject);
  if (options.rejectUnknownFields) rejectUnknownKeys(subject, schema, json, '');
  const message = guarded(
    subject,
    () => fromJson(schema, json, { ignoreUnknownFields: !options.rejectUnknownFields }),
    () =>
      locateField(schema, json, (desc, part) => fromJson(desc, part as JsonValue, { ignoreUnknownFields: true }), ''),
  );
  checkRequired(subject, schema, message as Record<string, unknown>, '');
  return message as EventPayloadBySubject[S];
}

function schemaFor(subject: string): DescMessage {
  const schema = eventContracts.get(subject);
  if (!schema) throw new EventContractError(subject, 'unknown subject (no contract in @tourconnect/contracts)');
  return schema;
}

function guarded<T>(subject: string, run: () => T, locate: () => string | undefined): T {
  try {
    return run();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new EventContractError(subject, detail, locate() ?? fieldNamedIn(detail), { cause: error });
  }
}

// protobuf-es names a bad scalar as "field <package>.<Message>.<proto_name>", without the
// path and with the proto name; fall back to its JSON name when locateField finds nothing.
function fieldNamedIn(detail: string): string | undefined {
  const protoName = /field [\w.]*\.(\w+)/.exec(detail)?.[1];
  return protoName?.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

type Probe = (desc: DescMessage, part: Record<string, unknown>) => unknown;

// protobuf-es stops at the first bad value without saying where it sits (a bad Timestamp
// names no field at all), so re-run the failing conversion one field at a time and descend
// into the culprit to name its exact path, e.g. items[1].netMinor.
function locateField(desc: DescMessage, value: unknown, probe: Probe, path: string): string | undefined {
  if (!isObject(value)) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const field = fieldForKey(desc, key);
    if (!field || succeeds(() => probe(desc, { [key]: child }))) continue;
    const fieldPath = join(path, field.jsonName);
    const inner = field.message && !isWellKnown(field.message) ? field.message : undefined;
    if (inner && field.fieldKind === 'list' && Array.isArray(child)) {
      const index = child.findIndex((item) => !succeeds(() => probe(inner, item as Record<string, unknown>)));
      if (index >= 0)
        return locateField(inner, child[index], probe, `${fieldPath}[${index}]`) ?? `${fieldPath}[${index}]`;
    } else if (inner && field.fieldKind === 'message') {
      return locateField(inner, child, probe, fieldPath) ?? fieldPath;
    }
    return fieldPath;
  }
  return undefined;
}

function succeeds(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}

const fieldForKey = (desc: DescMessage, key: string) =>
  desc.fields.find((f) => key === f.localName || key === f.jsonName || key === f.name);

const isWellKnown = (desc: DescMessage) => desc.typeName.startsWith('google.protobuf.');
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// create() silently drops keys it does not know, so a misspelt field would vanish; accept
// the TypeScript name, the JSON name and the proto name, reject anything else.
function rejectUnknownKeys(subject: string, desc: DescMessage, value: unknown, path: string): void {
  if (!isObject(value) || isMessage(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const field = fieldForKey(desc, key);
    if (!field) throw new EventContractError(subject, `unknown field in ${desc.typeName}`, join(path, key));
    if (field.message === undefined || isWellKnown(field.message)) continue;
    if (field.fieldKind === 'list' && Array.isArray(child)) {
      child.forEach((item, i) =>
        rejectUnknownKeys(subject, field.message!, item, `${join(path, field.jsonName)}[${i}]`),
      );
    } else if (field.fieldKind === 'message') {
      rejectUnknownKeys(subject, field.message, child, join(path, field.jsonName));
    }
  }
}

function checkRequired(subject: string, desc: DescMessage, message: Record<string, unknown>, path: string): void {
  for (const field of desc.fields) {
    const value = message[field.localName];
    const fieldPath = join(path, field.jsonName);
    if (isRequired(field) && isEmpty(field, value)) {
      throw new EventContractError(subject, 'required field is missing or empty', fieldPath);
    }
    if (field.message === undefined || isWellKnown(field.message)) continue;
    if (field.fieldKind === 'list') {
      (value as Record<string, unknown>[]).forEach((item, i) =>
        checkRequired(subject, field.message!, item, `${fieldPath}[${i}]`),
      );
    } else if (field.fieldKind === 'message' && value !== undefined) {
      checkRequired(subject, field.message, value as Record<string, unknown>, fieldPath);
    }
  }
}

// Reading a custom option decodes the field's options afresh each time (protobuf-es builds an
// extension container per call): every event written or read checks every field, so the answer
// is kept per field descriptor (descriptors are immutable).
const requiredByField = new WeakMap<DescField, boolean>();

function isRequired(field: DescField): boolean {
  let answer = requiredByField.get(field);
  if (answer === undefined) {
    answer = getOption(field, required);
    requiredByField.set(field, answer);
  }
  return answer;
}

function isEmpty(field: DescField, value: unknown): boolean {
  if (field.fieldKind === 'list') return (value as unknown[]).length === 0;
  if (field.fieldKind === 'map') return Object.keys(value as object).length === 0;
  return value === undefined || value === '' || value === 0 || value === 0n || value === false;
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
