import { deletePartnerBodySchema, type Partner } from '@contracts/http';
import { AnimatePresence } from 'framer-motion';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDeletionForm, DeletionWarning } from '../../../components/ui/confirm-deletion-form.tsx';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { formLevelError } from '../../../lib/form-errors.ts';
import { useSchemaForm } from '../../../lib/use-schema-form.ts';
import { useDeletePartner } from '../partner-queries.ts';
import './delete-partner-card.css';

/** The danger zone: erasure is irreversible, so the owner types the partner's name to confirm. */
export function DeletePartnerCard({ partner }: { partner: Partner }) {
  const { t } = useTranslation('onboarding');
  const [open, setOpen] = useState(false);
  const form = useSchemaForm({ confirmName: '' }, deletePartnerBodySchema);
  const deletion = useDeletePartner();
  const matches = form.values.confirmName.trim() === partner.name;

  return (
    <section className="card danger-zone" aria-labelledby="delete-partner-title">
      <h2 id="delete-partner-title">{t('privacy.deleteTitle')}</h2>
      <p className="muted">{t('privacy.deleteBody')}</p>
      {!open && (
        <button
          type="button"
          className="btn btn-danger"
          data-testid="delete-partner-open"
          onClick={() => setOpen(true)}
        >
          {t('privacy.deleteOpen')}
        </button>
      )}
      <AnimatePresence>
        {open && (
          <ConfirmDeletionForm
            formRef={form.formRef}
            unfolds
            onSubmit={(event) => {
              const body = form.validate(event);
              if (!body || !matches || deletion.isPending) return;
              deletion.mutate(body.confirmName, {
                onError: (error) => form.applyServerError(error, { confirm_name_mismatch: 'confirmName' }),
              });
            }}
            confirmed={matches}
            pending={deletion.isPending}
            error={formLevelError(deletion.error, ['confirm_name_mismatch'])}
            submitLabel={t('privacy.deleteConfirm')}
            pendingLabel={t('privacy.deleting')}
            submitTestId="delete-confirm"
            onCancel={() => setOpen(false)}
          >
            <DeletionWarning title={t('privacy.deleteWarningTitle')}>{t('privacy.deleteWarning')}</DeletionWarning>
            <TextField
              label={t('privacy.confirmLabel', { name: partner.name })}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              {...form.field('confirmName')}
              testId="delete-confirm-name"
            />
          </ConfirmDeletionForm>
        )}
      </AnimatePresence>
    </section>
  );
}
