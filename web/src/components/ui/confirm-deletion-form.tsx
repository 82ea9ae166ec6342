import { motion, type HTMLMotionProps } from 'framer-motion';
import type { FormEvent, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert.tsx';

/** "This cannot be undone": the yellow note above an irreversible action. */
export function DeletionWarning({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="alert alert-warning" role="note">
      <p className="alert-title">{title}</p>
      <p style={{ margin: 0 }}>{children}</p>
    </div>
  );
}

/** Unfolds in place; the parent wraps it in AnimatePresence so it folds away again. */
const unfold: HTMLMotionProps<'form'> = {
  initial: { opacity: 0, height: 0 },
  animate: { opacity: 1, height: 'auto' },
  exit: { opacity: 0, height: 0 },
};

interface ConfirmDeletionFormProps {
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** What the user types to confirm: the partner's name, or the password and an acknowledgement. */
  children: ReactNode;
  /** Until what was typed confirms the deletion, the danger button stays disabled. */
  confirmed: boolean;
  pending: boolean;
  /** Shown in the alert; the fields show their own errors (see formLevelError). */
  error: unknown;
  submitLabel: string;
  pendingLabel: string;
  submitTestId: string;
  /** Offers Cancel beside the danger button (the form was opened on demand). */
  onCancel?: () => void;
  unfolds?: boolean;
  style?: HTMLMotionProps<'form'>['style'];
}

/**
 * Confirm-by-typing for an irreversible deletion (the account, a partner): the user types
 * something that proves intent, and only then may send the request.
 */
export function ConfirmDeletionForm({
  formRef,
  onSubmit,
  children,
  confirmed,
  pending,
  error,
  submitLabel,
  pendingLabel,
  submitTestId,
  onCancel,
  unfolds = false,
  style,
}: ConfirmDeletionFormProps) {
  const { t } = useTranslation('common');
  const submit = (
    <button type="submit" className="btn btn-danger" data-testid={submitTestId} disabled={!confirmed || pending}>
      {pending ? pendingLabel : submitLabel}
    </button>
  );
  return (
    <motion.form
      ref={formRef}
      className="form"
      style={style}
      noValidate
      onSubmit={onSubmit}
      {...(unfolds ? unfold : {})}
    >
      {children}
      <ProblemAlert error={error} />
      {onCancel ? (
        <div className="row">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
          {submit}
        </div>
      ) : (
        submit
      )}
    </motion.form>
  );
}
