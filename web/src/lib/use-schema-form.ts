import { useCallback, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { isApiError } from '../api/api-error.ts';
import { issuesToFieldErrors, problemToFieldErrors, type FieldErrors } from './form-errors.ts';

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
}

/** The slice of a zod schema a form needs; the same schema the server validates with. */
export interface FormSchema<Out> {
  safeParse(data: unknown): { success: true; data: Out } | { success: false; error: { issues: readonly Issue[] } };
}

export interface SchemaFormOptions<Values> {
  /**
   * The request body the schema checks, built from the values (blank text to null, a fixed
   * `type` or `locale` added…). Keep it stable (useCallback): it is part of the validator.
   */
  toBody?: (values: Values) => unknown;
  /** Left blank (or an empty list), these read "required" rather than the schema's own code. */
  required?: readonly (keyof Values & string)[];
  /** Also move focus to the first field the server rejected, as the partner forms do. */
  focusServerErrors?: boolean;
}

const asIs = (values: unknown) => values;
const noFields: readonly never[] = [];

function isBlank(value: unknown): boolean {
  return (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && value.length === 0);
}

/**
 * Form state validated client-side with the shared contract schema, errors shown per top-level
 * field. After the first submit every change re-validates, so errors go as soon as they are fixed.
 */
export function useSchemaForm<Values extends Record<string, unknown>, Out>(
  initial: Values,
  schema: FormSchema<Out>,
  { toBody = asIs, required = noFields, focusServerErrors = false }: SchemaFormOptions<Values> = {},
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

  const focusFirstInvalid = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const set = <K extends keyof Values>(name: K, value: Values[K]) => {
    const next = { ...values, [name]: value };
    setValues(next);
    if (submitted.current) check(next);
  };

  /**
   * Props for a TextField, TextAreaField or SelectField bound to a text value. The test id
   * defaults to `field-<name>`; a `testId` written after the spread overrides it.
   */
  const field = <K extends keyof Values & string>(name: K) => ({
    name,
    value: String(values[name] ?? ''),
    errors: errors[name],
    testId: `field-${name}`,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      set(name, event.target.value as Values[K]),
  });

  /** The parsed body, or null after focusing the first invalid field. Prevents the submit's default. */
  const validate = (event?: FormEvent): Out | null => {
    event?.preventDefault();
    submitted.current = true;
    const data = check(values);
    if (!data) focusFirstInvalid();
    return data;
  };

  /** Problem `errors[].path` lands under its field; `fieldForCode` places field-less codes (`email_taken`). */
  const applyServerError = (error: unknown, fieldForCode: Record<string, string> = {}) => {
    if (!isApiError(error)) return;
    const fromProblem = problemToFieldErrors(error.fieldErrors);
    const field = fieldForCode[error.code];
    if (field && !fromProblem[field]?.includes(error.code)) (fromProblem[field] ??= []).push(error.code);
    setErrors(fromProblem);
    if (focusServerErrors && Object.keys(fromProblem).length > 0) focusFirstInvalid();
  };

  /** Starts over from `next` (e.g. what the server saved), as if never submitted. */
  const reset = (next: Values) => {
    submitted.current = false;
    setValues(next);
    setErrors({});
  };

  return { values, setValues, errors, set, field, validate, applyServerError, reset, formRef };
}
