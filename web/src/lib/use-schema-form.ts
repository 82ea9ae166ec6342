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

/**
 * Form state validated client-side with the shared contract schema. After the first submit,
 * every change re-validates so errors disappear as soon as they are fixed.
 */
export function useSchemaForm<Values extends Record<string, string>, Out>(
  initial: Values,
  schema: FormSchema<Out>,
  extra: () => Record<string, unknown> = () => ({}),
) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const submitted = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const check = useCallback(
    (next: Values) => {
      const parsed = schema.safeParse({ ...next, ...extra() });
      setErrors(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues));
      return parsed.success ? parsed.data : null;
    },
    [schema, extra],
  );

  const bind = (name: keyof Values & string) => ({
    name,
    value: values[name],
    errors: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const next = { ...values, [name]: event.target.value };
      setValues(next);
      if (submitted.current) check(next);
    },
  });

  /** Returns the parsed body, or null after focusing the first invalid field. */
  const validate = (event: FormEvent): Out | null => {
    event.preventDefault();
    submitted.current = true;
    const data = check(values);
    if (!data)
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return data;
  };

  /** Puts the server's field errors (e.g. `email_taken`) next to their fields. */
  const applyServerError = (error: unknown, fieldForCode: Record<string, string> = {}) => {
    if (!isApiError(error)) return;
    const fromProblem = problemToFieldErrors(error.fieldErrors);
    const field = fieldForCode[error.code];
    if (field) (fromProblem[field] ??= []).push(error.code);
    setErrors(fromProblem);
  };

  return { values, setValues, errors, bind, validate, applyServerError, formRef };
}

export function safeNextPath(next: string | null): string {
  // Only same-site paths: "//evil.example" would leave the portal.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
