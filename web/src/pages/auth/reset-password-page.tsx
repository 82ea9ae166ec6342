import { PASSWORD_MIN_LENGTH, passwordSchema } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/api-error.ts';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formLevelError } from '../../lib/form-errors.ts';
import { useLinkToken } from '../../lib/link-token.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useResetPassword } from '../account/account-queries.ts';
import { LinkCard } from './link-card.tsx';

interface ResetValues {
  password: string;
  confirm: string;
}

/** The new password and its repetition: the same strength rules as sign-up, and the two must match. */
const resetFormSchema = {
  safeParse(data: unknown) {
    const { password, confirm } = data as ResetValues;
    const parsed = passwordSchema.safeParse(password);
    const issues = parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ ...issue, path: ['password', ...issue.path] }));
    if (confirm !== password) issues.push({ code: 'custom', message: 'passwords_differ', path: ['confirm'] } as never);
    return issues.length ? { success: false as const, error: { issues } } : { success: true as const, data: password };
  },
};

const resetRequired = ['password', 'confirm'] as const;

/** `/reset-password#token=…` from the reset e-mail: a new password, then sign in (every session ended). */
export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const token = useLinkToken();
  const reset = useResetPassword();
  const form = useSchemaForm({ password: '', confirm: '' }, resetFormSchema, { required: resetRequired });
  useDocumentTitle(t('reset.title'));

  const code = isApiError(reset.error) ? reset.error.code : null;
  if (!token || code === 'link_expired' || code === 'link_invalid') {
    const expired = code === 'link_expired';
    return (
      <LinkCard
        titleId="reset-title"
        title={t(expired ? 'reset.expiredTitle' : 'reset.invalidTitle')}
        testId="reset-failed"
      >
        <div className="alert alert-warning" role="alert">
          {t(expired ? 'reset.expiredBody' : 'reset.invalidBody')}
        </div>
        <div className="row">
          <Link to="/forgot-password" className="btn btn-primary">
            {t('reset.askAgain')}
          </Link>
        </div>
      </LinkCard>
    );
  }

  if (reset.isSuccess) {
    return (
      <LinkCard titleId="reset-title" title={t('reset.doneTitle')} testId="reset-done">
        <div className="alert alert-success" role="status">
          {t('reset.doneBody')}
        </div>
        <div className="row">
          <Link to="/signin" className="btn btn-primary" data-testid="reset-signin">
            {t('reset.signIn')}
          </Link>
        </div>
      </LinkCard>
    );
  }

  return (
    <LinkCard titleId="reset-title" title={t('reset.title')} subtitle={t('reset.subtitle')}>
      <form
        ref={form.formRef}
        className="form"
        noValidate
        onSubmit={(event) => {
          const password = form.validate(event);
          if (password) reset.mutate({ token, password }, { onError: (error) => form.applyServerError(error) });
        }}
      >
        <PasswordField
          label={t('reset.newPassword')}
          autoComplete="new-password"
          hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
          {...form.field('password')}
          testId="reset-password"
        />
        <PasswordField
          label={t('reset.confirmPassword')}
          autoComplete="new-password"
          {...form.field('confirm')}
          testId="reset-confirm"
        />
        <ProblemAlert error={formLevelError(reset.error)} />
        <button
          type="submit"
          className="btn btn-primary btn-block"
          data-testid="reset-submit"
          disabled={reset.isPending}
        >
          {reset.isPending ? t('reset.submitting') : t('reset.submit')}
        </button>
      </form>
    </LinkCard>
  );
}
