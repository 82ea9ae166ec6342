import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import type { Partner, UpdatePartnerBody } from '@contracts/http';
import { isApiError } from '../../api/api-error.ts';
import { issuesToFieldErrors, problemToFieldErrors, type FieldErrors } from '../../lib/form-errors.ts';
import type { FormSchema } from '../../lib/use-schema-form.ts';

/** Trimmed text, or null when left blank: the contract's optional fields are `nullable`. */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** Only what changed goes into the PATCH: an untouched VAT id must not look like an edit. */
export function changedFields(body: Record<string, unknown>, partner: Partner, fields: readonly string[]) {
  const changed: Record<string, unknown> = {};
  const current = partner as unknown as Record<string, unknown>;
  for (const field of fields) {
    if (JSON.stringify(body[field] ?? null) !== JSON.stringify(current[field] ?? null)) changed[field] = body[field];
  }
  return changed as UpdatePartnerBody;
}

/** The error for a form's alert, or null when its fields already show it (no message twice). */
export function formLevelError(error: unknown, fieldCodes: readonly string[] = []): unknown {
  if (isApiError(error) && (error.fieldErrors.length > 0 || fieldCodes.includes(error.code))) return null;
  return error;
}

function isBlank(value: unknown): boolean {
  return (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && value.length === 0);
}

/**
 * Like useSchemaForm, for forms that mix text with lists (regions, languages, links): values are
 * mapped to a request body, validated with the shared contract schema, and errors are shown per
 * top-level field. `required` fields left blank read "required" rather than the schema's code.
 */
export function usePartnerForm<Values extends Record<string, unknown>, Out>(
  initial: Values,
  schema: FormSchema<Out>,
  toBody: (values: Values) => unknown,
  required: readonly (keyof Values & string)[] = [],
) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const submitted = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const check = useCallback(
    (next: Values): Out | null => {
      const parsed = schema.safeParse(toBody(next));
      const found = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
      for (const field of required) if (isBlank(next[field])) found[field] = ['required'];
      setErrors(found);
      return parsed.success && Object.keys(found).length === 0 ? parsed.data : null;
    },
    [schema, toBody, required],
  );

  const set = <K extends keyof Values>(name: K, value: Values[K]) => {
    const next = { ...values, [name]: value };
    setValues(next);
    if (submitted.current) check(next);
  };

  /** The parsed body, or null after focusing the first invalid field. */
  const validate = (): Out | null => {
    submitted.current = true;
    const data = check(values);
    if (!data)
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return data;
  };

  /** Problem `errors[].path` lands under its field; `fieldForCode` maps field-less codes. */
  const applyServerError = (error: unknown, fieldForCode: Record<string, string> = {}) => {
    if (!isApiError(error)) return;
    const fromProblem = problemToFieldErrors(error.fieldErrors);
    const field = fieldForCode[error.code];
    if (field && !fromProblem[field]?.includes(error.code)) (fromProblem[field] ??= []).push(error.code);
    setErrors(fromProblem);
    if (Object.keys(fromProblem).length > 0)
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  /** Props for a TextField, TextArea or SelectField bound to a text value. */
  const text = <K extends keyof Values & string>(name: K) => ({
    name,
    value: String(values[name] ?? ''),
    errors: errors[name],
    testId: `field-${name}`,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      set(name, event.target.value as Values[K]),
  });

  const reset = (next: Values) => {
    submitted.current = false;
    setValues(next);
    setErrors({});
  };

  return { values, errors, set, text, validate, applyServerError, reset, formRef };
}
