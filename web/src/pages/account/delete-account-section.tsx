import { deleteAccountBodySchema } from '@contracts/http';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteAccount } from '../../auth/auth-mutations.ts';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';

/** GDPR erasure: irreversible, so it asks for the password and an explicit acknowledgement. */
export function DeleteAccountSection() {
  const { t } = useTranslation('account');
  const [acknowledged, setAcknowledged] = useState(false);
  const checkboxId = useId();
  const deletion = useDeleteAccount();
  const form = useSchemaForm({ password: '' }, deleteAccountBodySchema);

  return (
    <section className="card" aria-labelledby="delete-title" style={{ borderColor: 'var(--color-danger)' }}>
      <h2 id="delete-title">{t('delete.title')}</h2>
      <div className="alert alert-warning" role="note">
        <p className="alert-title">{t('delete.warningTitle')}</p>
        <p style={{ margin: 0 }}>{t('delete.warning')}</p>
      </div>
      <form
        ref={form.formRef}
        className="form"
        style={{ marginTop: 'var(--space-4)', maxWidth: 440 }}
        noValidate
        onSubmit={(event) => {
          const body = form.validate(event);
          if (!body || !acknowledged) return;
          deletion.mutate(body.password, {
            onError: (error) => form.applyServerError(error, { invalid_credentials: 'password' }),
          });
        }}
      >
        <PasswordField
          label={t('delete.password')}
          autoComplete="current-password"
          testId="delete-password"
          {...form.bind('password')}
        />
        <div className="checkbox">
          <input
            id={checkboxId}
            type="checkbox"
            checked={acknowledged}
            data-testid="delete-confirm"
            onChange={(e) => setAcknowledged(e.target.checked)}
          />
          <label htmlFor={checkboxId}>{t('delete.acknowledge')}</label>
        </div>
        <ProblemAlert error={deletion.error} />
        <button
          type="submit"
          className="btn btn-danger"
          data-testid="delete-submit"
          disabled={!acknowledged || deletion.isPending}
        >
          {deletion.isPending ? t('delete.submitting') : t('delete.submit')}
        </button>
      </form>
    </section>
  );
}
