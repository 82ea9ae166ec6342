import type { ProblemFieldError } from '@contracts/http';
import { isApiError } from '../api/api-error.ts';

export type FieldErrors = Partial<Record<string, string[]>>;

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
}

/** Our schemas put a snake_case code in `message`; zod's own defaults are prose, so use their code. */
function issueCode(issue: { code: string; message: string }): string {
  return /^[a-z][a-z0-9_]*$/.test(issue.message) ? issue.message : issue.code;
}

function add(errors: FieldErrors, field: string, code: string): void {
  const list = (errors[field] ??= []);
  if (!list.includes(code)) list.push(code);
}

/** zod issues from client-side validation, keyed by top-level field. */
export function issuesToFieldErrors(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) add(errors, String(issue.path[0] ?? 'form'), issueCode(issue));
  return errors;
}

/** Server-side field errors; paths may look like `email`, `body.email` or `/email`. */
export function problemToFieldErrors(fieldErrors: readonly ProblemFieldError[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const error of fieldErrors) {
    const field =
      error.path
        .split(/[./]/)
        .filter(Boolean)
        .filter((part) => part !== 'body')[0] ?? 'form';
    add(errors, field, issueCode(error));
  }
  return errors;
}

/** The error for a form's alert, or null when its fields already show it (no message twice). */
export function formLevelError(error: unknown, fieldCodes: readonly string[] = []): unknown {
  if (isApiError(error) && (error.fieldErrors.length > 0 || fieldCodes.includes(error.code))) return null;
  return error;
}
