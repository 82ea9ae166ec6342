import { useId, type ChangeEvent, type ReactNode } from 'react';
import { useErrorText } from '../../lib/use-error-text.ts';

interface BaseProps {
  label: string;
  name: string;
  value: string;
  hint?: ReactNode;
  errors?: string[] | undefined;
  testId?: string;
  disabled?: boolean;
}

function useDescribed(hint: ReactNode, errors: string[] | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function FieldFooter({
  hint,
  hintId,
  errorId,
  errors,
}: {
  hint: ReactNode;
  hintId?: string;
  errorId?: string;
  errors?: string[];
}) {
  const errorText = useErrorText();
  return (
    <>
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
      {errorId && (
        <ul id={errorId} className="field-error">
          {errors?.map((code) => (
            <li key={code}>{errorText(code)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A labelled <select>, announced with its hint and translated error codes like TextField. */
export function SelectField({
  label,
  hint,
  errors,
  testId,
  options,
  placeholder,
  onChange,
  ...select
}: BaseProps & {
  options: { value: string; label: string }[];
  placeholder?: string;
  autoComplete?: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}) {
  const { id, hintId, errorId, describedBy } = useDescribed(hint, errors);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select"
        data-testid={testId}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        onChange={onChange}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldFooter hint={hint} hintId={hintId} errorId={errorId} errors={errors} />
    </div>
  );
}

/** A labelled <textarea> with a live character count against `maxLength`. */
export function TextAreaField({
  label,
  hint,
  errors,
  testId,
  maxLength,
  onChange,
  ...area
}: BaseProps & { maxLength: number; rows?: number; onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void }) {
  const { id, hintId, errorId, describedBy } = useDescribed(hint, errors);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="input textarea"
        data-testid={testId}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        maxLength={maxLength}
        onChange={onChange}
        {...area}
      />
      <span className="field-hint textarea-count" aria-hidden="true">
        {area.value.length} / {maxLength}
      </span>
      <FieldFooter hint={hint} hintId={hintId} errorId={errorId} errors={errors} />
    </div>
  );
}
