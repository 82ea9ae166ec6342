// Stripe's error envelope: { error: { type, code, decline_code, message, param, ... } }
// with Stripe's HTTP statuses (400 invalid request, 401 auth, 402 card, 403 permission,
// 404 missing resource, 409 idempotency conflict, 429 rate limit, 500 api_error).

export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: Record<string, unknown>;
  payment_method?: Record<string, unknown>;
  request_log_url?: string;
}

export class StripeError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  /**
   * Parameter-validation failures never reach an endpoint, so Stripe saves no idempotent
   * result for them; a retry with the same key runs again.
   */
  readonly beforeExecution: boolean;

  constructor(status: number, body: StripeErrorBody, beforeExecution = false) {
    super(body.message);
    this.status = status;
    this.body = body;
    this.beforeExecution = beforeExecution;
  }

  toJSON(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}

function withDocUrl(body: StripeErrorBody): StripeErrorBody {
  return body.code ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, '-')}` } : body;
}

export function invalidRequest(
  message: string,
  extra: { param?: string; code?: string; status?: number } = {},
): StripeError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message };
  if (extra.code) body.code = extra.code;
  if (extra.param) body.param = extra.param;
  return new StripeError(extra.status ?? 400, withDocUrl(body));
}

/** An invalid parameter: answered before any endpoint runs. */
export function invalidParam(message: string, param: string, code?: string): StripeError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message, param };
  if (code) body.code = code;
  return new StripeError(400, withDocUrl(body), true);
}

export function missingParam(param: string): StripeError {
  return invalidParam(`Missing required param: ${param}.`, param, 'parameter_missing');
}

export function unknownParam(param: string): StripeError {
  return invalidParam(`Received unknown parameter: ${param}`, param, 'parameter_unknown');
}

export function resourceMissing(kind: string, id: string, param?: string): StripeError {
  const message = `No such ${kind}: '${id}'`;
  // A missing id in the URL is a 404; a missing id given as a parameter is a 400.
  return invalidRequest(message, { code: 'resource_missing', status: param ? 400 : 404, ...(param ? { param } : {}) });
}

export function unexpectedState(message: string, param?: string): StripeError {
  return invalidRequest(message, { code: 'payment_intent_unexpected_state', ...(param ? { param } : {}) });
}

export function apiError(message = 'An unknown error occurred'): StripeError {
  return new StripeError(500, { type: 'api_error', message });
}

export function authError(message: string): StripeError {
  return new StripeError(401, { type: 'invalid_request_error', message });
}
