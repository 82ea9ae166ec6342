import { PASSWORD_MIN_LENGTH, changePasswordBodySchema } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formLevelError } from '../../lib/form-errors.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useChangePassword } from './account-queries.ts';

const passwordRequired = ['currentPassword', 'newPassword'] as const;
const empty = { currentPassword: '', newPassword: '' };

/** The current password is required; every other session is signed out, this one stays. */
export function ChangePasswordSection() {
  const { t } = useTranslation('account');
  const change = useChangePassword();
  const form = useSchemaForm(empty, changePasswordBodySchema, { required: passwordRequired });

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <p className="muted">{t('password.description')}</p>
      <form
        ref={form.formRef}
        className="form"
        noValidate
        onSubmit={(event) => {
          const body = form.validate(event);
          if (!body) return;
          change.mutate(body, {
            onSuccess: () => form.reset(empty),
            onError: (error) => form.applyServerError(error, { invalid_credentials: 'currentPassword' }),
          });
        }}
      >
        <PasswordField
          label={t('password.current')}
          autoComplete="current-password"
          {...form.field('currentPassword')}
        />
        <PasswordField
          label={t('password.new')}
          autoComplete="new-password"
          hint={t('auth:password.hint', { min: PASSWORD_MIN_LENGTH })}
          {...form.field('newPassword')}
        />
        <ProblemAlert error={formLevelError(change.error, ['invalid_credentials'])} />
        {change.isSuccess && (
          <div className="alert alert-success" role="status" data-testid="password-changed">
            {t('password.done')}
          </div>
        )}
        <div>
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="password-change-submit"
            disabled={change.isPending}
          >
            {change.isPending ? t('password.submitting') : t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
