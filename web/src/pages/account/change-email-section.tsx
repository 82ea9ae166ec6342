import { changeEmailBodySchema, type User } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/ui/form-fields.tsx';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formLevelError } from '../../lib/form-errors.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useChangeEmail } from './account-queries.ts';

const emailRequired = ['newEmail', 'password'] as const;

/** A new address takes effect only when the link sent there is followed (it is re-verified). */
export function ChangeEmailSection({ user }: { user: User }) {
  const { t } = useTranslation('account');
  const change = useChangeEmail();
  const form = useSchemaForm({ newEmail: '', password: '' }, changeEmailBodySchema, { required: emailRequired });

  return (
    <section className="card" aria-labelledby="email-title">
      <h2 id="email-title">{t('email.title')}</h2>
      <p className="muted">{t('email.description', { email: user.email })}</p>
      {change.isSuccess ? (
        <div className="alert alert-success" role="status" data-testid="email-change-sent">
          <p className="alert-title">{t('email.sentTitle')}</p>
          <p style={{ margin: 0 }}>{t('email.sentBody', { email: change.data.email })}</p>
        </div>
      ) : (
        <form
          ref={form.formRef}
          className="form"
          noValidate
          onSubmit={(event) => {
            const body = form.validate(event);
            if (!body) return;
            change.mutate(body, {
              onSuccess: () => form.reset({ newEmail: '', password: '' }),
              onError: (error) =>
                form.applyServerError(error, { email_unchanged: 'newEmail', invalid_credentials: 'password' }),
            });
          }}
        >
          <TextField label={t('email.newEmail')} type="email" autoComplete="email" {...form.field('newEmail')} />
          <PasswordField label={t('email.password')} autoComplete="current-password" {...form.field('password')} />
          <ProblemAlert error={formLevelError(change.error, ['email_unchanged', 'invalid_credentials'])} />
          <div>
            <button
              type="submit"
              className="btn btn-primary"
              data-testid="email-change-submit"
              disabled={change.isPending}
            >
              {change.isPending ? t('email.submitting') : t('email.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
