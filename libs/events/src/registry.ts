import { fromJson, toJson, type JsonValue } from '@bufbuild/protobuf';
import type { ContractRegistry } from './envelope.ts';
import { EventValidationError } from './errors.ts';
import { errorMessage } from './logger.ts';

/**
 * Validates a payload against the subject's contract and returns its canonical proto3 JSON
 * form (implicit defaults included, so consumers see `0`/`""`/`false` rather than a missing
 * field). Unknown fields are rejected: a typo must fail at the producer, not in a consumer.
 */
export function validatePayload(registry: ContractRegistry, subject: string, payload: unknown): unknown {
  const desc = registry.get(subject);
  if (!desc) {
    throw new EventValidationError(`no contract registered for subject ${subject}`, 'unknown_subject');
  }
  try {
    const message = fromJson(desc, payload as JsonValue);
    return toJson(desc, message, { alwaysEmitImplicit: true });
  } catch (err) {
    throw new EventValidationError(
      `payload does not match ${desc.typeName} for ${subject}: ${errorMessage(err)}`,
      'invalid_payload',
    );
  }
}

/**
 * Payloads a typed publisher built with the contract's own strict encoder (`encodeEventPayload`:
 * unknown fields, wrong types and empty required fields already refused, canonical JSON with
 * every field): the outbox writer does not decode and encode them a second time.
 */
const contractEncoded = new WeakSet<object>();

export function markContractEncoded<T>(payload: T): T {
  if (typeof payload === 'object' && payload !== null) contractEncoded.add(payload);
  return payload;
}

export function isContractEncoded(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && contractEncoded.has(payload);
}
