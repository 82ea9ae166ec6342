import type { ProblemFieldError } from '@tourconnect/contracts/http';

/**
 * A failure the caller can act on. Domain code throws it with a stable `code`; the error
 * handler turns it into application/problem+json. Anything else becomes a 500 with no details.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail?: string,
    readonly errors?: ProblemFieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (detail = 'You are not allowed to do this') => new AppError(403, 'forbidden', detail);
export const unauthorized = (code = 'unauthorized', detail = 'Sign in to continue') =>
  new AppError(401, code, detail, undefined, { 'www-authenticate': 'Bearer' });
export const conflict = (code: string, detail: string) => new AppError(409, code, detail);

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function problemTitle(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Server Error' : 'Request Error');
}

export function problemType(code: string): string {
  return `https://docs.tourconnect.dev/problems/${code.replace(/_/g, '-')}`;
}
