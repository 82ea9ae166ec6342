import { headers as natsHeaders, type MsgHdrs } from 'nats';
import { assertEnvelope, type EventEnvelope } from './envelope.ts';
import { MalformedMessageError } from './errors.ts';

// Envelope fields travel as headers so brokers, tools and the gateway can route and trace
// without parsing bodies; the body is the payload alone, as JSON.
export const HEADER = {
  id: 'TC-Event-Id',
  occurredAt: 'TC-Occurred-At',
  producer: 'TC-Producer',
  correlationId: 'TC-Correlation-Id',
  audience: 'TC-Audience',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeEnvelope(envelope: EventEnvelope): { headers: MsgHdrs; data: Uint8Array } {
  const h = natsHeaders();
  h.set(HEADER.id, envelope.id);
  h.set(HEADER.occurredAt, envelope.occurredAt);
  h.set(HEADER.producer, envelope.producer);
  h.set(HEADER.correlationId, envelope.correlationId);
  if (envelope.traceparent) h.set(HEADER.traceparent, envelope.traceparent);
  if (envelope.tracestate) h.set(HEADER.tracestate, envelope.tracestate);
  if (envelope.audience) h.set(HEADER.audience, JSON.stringify(envelope.audience));
  return { headers: h, data: encoder.encode(JSON.stringify(envelope.payload ?? null)) };
}

export function decodeEnvelope(subject: string, headers: MsgHdrs | undefined, data: Uint8Array): EventEnvelope {
  if (!headers) throw new MalformedMessageError('message has no headers');
  const get = (name: string): string | undefined => (headers.has(name) ? headers.get(name) : undefined);
  let payload: unknown;
  try {
    payload = JSON.parse(decoder.decode(data));
  } catch {
    throw new MalformedMessageError('message body is not JSON');
  }
  let audience: unknown;
  const rawAudience = get(HEADER.audience);
  if (rawAudience !== undefined) {
    try {
      audience = JSON.parse(rawAudience);
    } catch {
      throw new MalformedMessageError(`${HEADER.audience} header is not JSON`);
    }
  }
  const candidate: Record<string, unknown> = {
    id: get(HEADER.id),
    subject,
    occurredAt: get(HEADER.occurredAt),
    producer: get(HEADER.producer),
    correlationId: get(HEADER.correlationId),
    payload,
  };
  const traceparent = get(HEADER.traceparent);
  const tracestate = get(HEADER.tracestate);
  if (traceparent) candidate.traceparent = traceparent;
  if (tracestate) candidate.tracestate = tracestate;
  if (audience !== undefined) candidate.audience = audience;
  return assertEnvelope(candidate);
}

export function headersToRecord(headers: MsgHdrs | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const key of headers.keys()) out[key] = headers.get(key);
  return out;
}

export function bodyText(data: Uint8Array): string {
  return decoder.decode(data);
}

/** Header values cannot hold line breaks; keep error texts readable and bounded. */
export function headerSafe(value: string, max = 1_000): string {
  return value.replace(/[\r\n]+/g, ' ').slice(0, max);
}
