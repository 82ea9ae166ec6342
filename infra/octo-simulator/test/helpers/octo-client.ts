// A test client for the simulator's OCTO API that checks EVERY response it receives:
// 200 bodies against the operation's success schema (capability-aware, strict), 400 bodies
// against the error schema of their code, which must be one the operation lists.
import { expect } from 'vitest';
import { ERROR_SCHEMA_BY_CODE, OctoSpec } from './octo-spec.ts';

export const ALL_CAPS = ['octo/pricing', 'octo/content'];
const ECHOED = new Set(['octo/pricing', 'octo/content', 'octo/webhooks']);

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  caps?: string[];
  /** API key; null sends no Authorization header. */
  key?: string | null;
  contentType?: string;
  /**
   * The spec's 400 list for this operation omits this error although the spec documents it
   * elsewhere (e.g. BAD_REQUEST for malformed JSON, or its GET /bookings example).
   */
  offList?: boolean;
}

export interface OctoResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Schemas validated in this test file (for the coverage check). */
export const validatedSchemas = new Set<string>();

export class OctoClient {
  readonly spec = sharedSpec();

  constructor(
    readonly baseUrl: string,
    readonly defaultKey = 'test',
  ) {}

  async call<T = any>(
    operationId: string,
    method: string,
    path: string,
    opts: CallOptions = {},
  ): Promise<OctoResponse<T>> {
    const caps = opts.caps ?? [];
    const headers: Record<string, string> = {};
    if (opts.key !== null) headers.authorization = `Bearer ${opts.key ?? this.defaultKey}`;
    if (caps.length > 0) headers['octo-capabilities'] = caps.join(', ');
    let payload: string | undefined = opts.rawBody;
    if (opts.body !== undefined) payload = JSON.stringify(opts.body);
    if (payload !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
    const response = await fetch(`${this.baseUrl}/octo${path}`, { method, headers, body: payload });
    const text = await response.text();
    const body = text === '' ? undefined : JSON.parse(text);
    this.check(operationId, response, body, caps, opts);
    return { status: response.status, headers: response.headers, body: body as T };
  }

  private check(operationId: string, response: Response, body: unknown, caps: string[], opts: CallOptions): void {
    if (response.status === 200) {
      const active = caps.filter((c) => ECHOED.has(c));
      expect(response.headers.get('octo-capabilities')).toBe(active.join(', '));
      const schema = this.spec.successSchema(operationId);
      this.spec.assert(schema, body, active);
      validatedSchemas.add(schema);
      return;
    }
    expect(response.status, `unexpected HTTP ${response.status}: ${JSON.stringify(body)}`).toBe(400);
    const code = (body as { error?: string }).error ?? '';
    const schema = ERROR_SCHEMA_BY_CODE[code];
    expect(schema, `unknown OCTO error code ${code}`).toBeDefined();
    this.spec.assert(schema as string, body);
    validatedSchemas.add(schema as string);
    if (!opts.offList) {
      expect(this.spec.errorSchemas(operationId), `${operationId} does not list ${code}`).toContain(schema);
    }
  }

  supplier = (o?: CallOptions) => this.call('Suppliers_get', 'GET', '/supplier', o);
  capabilities = (o?: CallOptions) => this.call('Capabilities_get', 'GET', '/capabilities', o);
  products = (o?: CallOptions) => this.call('Products_GetProducts', 'GET', '/products', o);
  product = (id: string, o?: CallOptions) =>
    this.call('Products_GetProduct', 'GET', `/products/${encodeURIComponent(id)}`, o);
  calendar = (body: unknown, o?: CallOptions) =>
    this.call('Availabilities_AvailabilityCalendar', 'POST', '/availability/calendar', { ...o, body });
  availability = (body: unknown, o?: CallOptions) =>
    this.call('Availabilities_AvailabilityCheck', 'POST', '/availability', { ...o, body });
  reserve = (body: unknown, o?: CallOptions) =>
    this.call('Bookings_BookingReservation', 'POST', '/bookings', { ...o, body });
  extend = (uuid: string, body: unknown, o?: CallOptions) =>
    this.call('Bookings_ExtendReservation', 'POST', `/bookings/${uuid}/extend`, { ...o, body });
  confirm = (uuid: string, body: unknown, o?: CallOptions) =>
    this.call('Bookings_BookingConfirmation', 'POST', `/bookings/${uuid}/confirm`, { ...o, body });
  update = (uuid: string, body: unknown, o?: CallOptions) =>
    this.call('Bookings_BookingUpdate', 'PATCH', `/bookings/${uuid}`, { ...o, body });
  cancel = (uuid: string, body: unknown, o?: CallOptions) =>
    this.call('Bookings_BookingCancellation', 'POST', `/bookings/${uuid}/cancel`, { ...o, body });
  booking = (uuid: string, o?: CallOptions) =>
    this.call('Bookings_GetBooking', 'GET', `/bookings/${encodeURIComponent(uuid)}`, o);
  bookings = (query: Record<string, string>, o?: CallOptions) =>
    this.call('Bookings_GetBookings', 'GET', `/bookings?${new URLSearchParams(query)}`, o);
}

let spec: OctoSpec | undefined;
export function sharedSpec(): OctoSpec {
  spec ??= new OctoSpec();
  return spec;
}
