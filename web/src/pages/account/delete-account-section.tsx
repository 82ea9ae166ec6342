import { deleteAccountBodySchema } from '@contracts/http';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/api-error.ts';
import { useDeleteAccount } from '../../auth/auth-mutations.ts';
import { ConfirmDeletionForm, DeletionWarning } from '../../components/ui/confirm-deletion-form.tsx';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useMyPartner } from '../partner/partner-queries.ts';

/** GDPR erasure: irreversible, so it asks for the password and an explicit acknowledgement. */
export function DeleteAccountSection() {
  const { t } = useTranslation('account');
  const [acknowledged, setAcknowledged] = useState(false);
  const checkboxId = useId();
  const deletion = useDeleteAccount();
  const form = useSchemaForm({ password: '' }, deleteAccountBodySchema);
  const mine = useMyPartner();
  // Identity refuses the owner of a live partner (409 partner_owner_account) even if this page
  // did not know yet, e.g. ownership changed in another tab.
  const refused = isApiError(deletion.error) && deletion.error.code === 'partner_owner_account';
  // The only owner leaving would leave the partner without one (issue 11): hand it over or delete it first.
  if (mine.data && (mine.data.soleOwner || refused)) {
    return (
      <section className="card" aria-labelledby="delete-title" style={{ borderColor: 'var(--color-danger)' }}>
        <h2 id="delete-title">{t('delete.title')}</h2>
        <SoleOwnerBlock name={mine.data.partner.name} />
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="delete-title" style={{ borderColor: 'var(--color-danger)' }}>
      <h2 id="delete-title">{t('delete.title')}</h2>
      <DeletionWarning title={t('delete.warningTitle')}>{t('delete.warning')}</DeletionWarning>
      <PartnerWarning />
      <ConfirmDeletionForm
        formRef={form.formRef}
        style={{ marginTop: 'var(--space-4)', maxWidth: 440 }}
        onSubmit={(event) => {
          const body = form.validate(event);
          if (!body || !acknowledged) return;
          deletion.mutate(body.password, {
            onError: (error) => form.applyServerError(error, { invalid_credentials: 'password' }),
          });
        }}
        confirmed={acknowledged}
        pending={deletion.isPending}
        error={deletion.error}
        submitLabel={t('delete.submit')}
        pendingLabel={t('delete.submitting')}
        submitTestId="delete-submit"
      >
        <PasswordField
          label={t('delete.password')}
          autoComplete="current-password"
          {...form.field('password')}
          testId="delete-password"
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
      </ConfirmDeletionForm>
    </section>
  );
}

/** Why the account cannot be deleted yet, and the two ways forward. */
function SoleOwnerBlock({ name }: { name: string }) {
  const { t } = useTranslation('account');
  return (
    <div
      className="alert alert-warning"
      role="note"
      data-testid="account-partner-warning"
      data-role="owner"
      data-blocked="true"
      style={{ marginTop: 'var(--space-3)' }}
    >
      <p className="alert-title">{t('delete.soleOwnerTitle', { name })}</p>
      <p style={{ margin: 0 }}>{t('delete.soleOwnerBody', { name })}</p>
      <ul style={{ margin: 'var(--space-2) 0 0' }}>
        <li>
          <Link to="/partner/members" data-testid="account-hand-over">
            {t('delete.handOverLink')}
          </Link>
        </li>
        <li>
          <Link to="/partner/privacy" data-testid="account-delete-partner">
            {t('delete.deletePartnerLink')}
          </Link>
        </li>
      </ul>
    </div>
  );
}

/**
 * Deleting an account does not erase the business it acts for: a manager or viewer leaves it;
 * an owner gets here only while their partner is being erased, which goes on without them.
 * Say so before the password is typed.
 */
function PartnerWarning() {
  const { t } = useTranslation('account');
  const mine = useMyPartner();
  const role = mine.data?.role;
  if (!role) return null;
  return (
    <div
      className="alert alert-warning"
      role="note"
      data-testid="account-partner-warning"
      data-role={role}
      style={{ marginTop: 'var(--space-3)' }}
    >
      <p style={{ margin: 0 }}>
        {role === 'owner'
          ? t('delete.partnerOwner', { name: mine.data?.partner.name })
          : t('delete.partnerMember', { name: mine.data?.partner.name })}{' '}
        {role === 'owner' && <Link to="/partner/privacy">{t('delete.partnerPrivacyLink')}</Link>}
      </p>
    </div>
  );
}
