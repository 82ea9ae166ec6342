import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/use-error-text.ts';
import './reason-form.css';

interface ReasonFormProps {
  label: string;
  hint: string;
  confirmLabel: string;
  fieldTestId: string;
  confirmTestId: string;
  pending: boolean;
  /** Error codes for the reason (from the shared contract schema); empty when valid. */
  validate: (reason: string) => string[];
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** A reason an admin must give (reject, suspend); validated before anything is sent. */
export function ReasonForm(props: ReasonFormProps) {
  const { t } = useTranslation('verification');
  const errorText = useErrorText();
  const id = useId();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const describedBy = [`${id}-hint`, errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = props.validate(reason);
    setErrors(found);
    if (found.length === 0) props.onConfirm(reason.trim());
  };

  return (
    <form className="form reason-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>{props.label}</label>
        <textarea
          id={id}
          className="input reason-textarea"
          rows={3}
          maxLength={1000}
          autoFocus
          data-testid={props.fieldTestId}
          value={reason}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            setReason(event.target.value);
            if (submitted) setErrors(props.validate(event.target.value));
          }}
        />
        <span id={`${id}-hint`} className="field-hint">
          {props.hint}
        </span>
        {errors.length > 0 && (
          <ul id={`${id}-error`} className="field-error">
            {errors.map((code) => (
              <li key={code}>{t(`fieldErrors.${code}`, { defaultValue: errorText(code) })}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="row">
        <button type="submit" className="btn btn-danger" data-testid={props.confirmTestId} disabled={props.pending}>
          {props.pending ? t('decision.working') : props.confirmLabel}
        </button>
        <button type="button" className="btn btn-ghost" onClick={props.onCancel} disabled={props.pending}>
          {t('decision.cancel')}
        </button>
      </div>
    </form>
  );
}
