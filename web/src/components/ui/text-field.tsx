import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useErrorText } from '../../lib/use-error-text.ts';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  /** Error codes, translated through the `errors` namespace. */
  errors?: string[] | undefined;
  testId?: string;
  trailing?: ReactNode;
}

/** A labelled input whose hint and errors are announced with it (aria-describedby). */
export function TextField({ label, hint, errors, testId, trailing, ...input }: TextFieldProps) {
  const id = useId();
  const errorText = useErrorText();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row" style={{ flexWrap: 'nowrap', gap: 'var(--space-2)' }}>
        <input
          id={id}
          className="input"
          data-testid={testId}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          {...input}
        />
        {trailing}
      </div>
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
    </div>
  );
}
