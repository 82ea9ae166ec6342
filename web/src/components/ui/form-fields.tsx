import { useId, type ChangeEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { useErrorText } from '../../lib/use-error-text.ts';
import './form-fields.css';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  /** Error codes, translated through the `errors` namespace. */
  errors?: string[] | undefined;
  testId?: string;
}

/** Ids that tie a control to its hint and errors, so screen readers announce them with it. */
function useFieldIds(hint: ReactNode, errors: string[] | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return {
    id,
    hintId,
    errorId,
    control: {
      id,
      'aria-invalid': errorId ? true : undefined,
      'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    },
  };
}

/** Label, control, then the hint and the translated errors under it. */
function Field({
  label,
  hint,
  errors,
  ids,
  children,
}: Omit<FieldProps, 'testId'> & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  const errorText = useErrorText();
  return (
    <div className="field">
      <label htmlFor={ids.id}>{label}</label>
      {children}
      {hint && (
        <span id={ids.hintId} className="field-hint">
          {hint}
        </span>
      )}
      {ids.errorId && (
        <ul id={ids.errorId} className="field-error">
          {errors?.map((code) => (
            <li key={code}>{errorText(code)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface TextFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  /** Beside the input, e.g. a show/hide or remove button. */
  trailing?: ReactNode;
}

/** A labelled input whose hint and errors are announced with it (aria-describedby). */
export function TextField({ label, hint, errors, testId, trailing, ...input }: TextFieldProps) {
  const ids = useFieldIds(hint, errors);
  return (
    <Field label={label} hint={hint} errors={errors} ids={ids}>
      <div className="row" style={{ flexWrap: 'nowrap', gap: 'var(--space-2)' }}>
        <input className="input" data-testid={testId} {...ids.control} {...input} />
        {trailing}
      </div>
    </Field>
  );
}

interface SelectFieldProps extends FieldProps {
  name?: string;
  value: string;
  disabled?: boolean;
  autoComplete?: string;
  options: { value: string; label: string }[];
  /** An empty first option ("Choose a country", "All types"). */
  placeholder?: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}

/** A labelled <select>, announced with its hint and translated error codes like TextField. */
export function SelectField({ label, hint, errors, testId, options, placeholder, ...select }: SelectFieldProps) {
  const ids = useFieldIds(hint, errors);
  return (
    <Field label={label} hint={hint} errors={errors} ids={ids}>
      <select className="select" data-testid={testId} {...ids.control} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

interface TextAreaFieldProps extends FieldProps {
  name: string;
  value: string;
  disabled?: boolean;
  maxLength: number;
  rows?: number;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
}

/** A labelled <textarea> with a live character count against `maxLength`. */
export function TextAreaField({ label, hint, errors, testId, ...area }: TextAreaFieldProps) {
  const ids = useFieldIds(hint, errors);
  return (
    <Field label={label} hint={hint} errors={errors} ids={ids}>
      <textarea className="input textarea" data-testid={testId} {...ids.control} {...area} />
      <span className="field-hint textarea-count" aria-hidden="true">
        {area.value.length} / {area.maxLength}
      </span>
    </Field>
  );
}
