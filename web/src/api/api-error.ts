import type { Problem, ProblemFieldError } from '@contracts/http';

/** A failed API call, carrying the stable problem `code` the portal translates. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: readonly ProblemFieldError[];
  readonly requestId: string | undefined;
  /** Seconds from a 429's Retry-After header, so a screen can count down instead of guessing. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, problem?: Problem, retryAfterSeconds?: number) {
    super(problem?.title ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = problem?.errors ?? [];
    this.requestId = problem?.requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Used when a response is not problem+json (e.g. a proxy's HTML error page). */
export function codeForStatus(status: number): string {
  if (status === 400) return 'validation_failed';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 502) return 'bad_gateway';
  if (status === 503 || status === 504) return 'service_unavailable';
  return status >= 500 ? 'internal_error' : 'unknown_error';
}
