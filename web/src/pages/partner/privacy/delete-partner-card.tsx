import { deletePartnerBodySchema, type Partner } from '@contracts/http';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AnimatePresence, motion } from 'framer-motion';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deletePartner, partnerKeys } from '../../../api/partners-api.ts';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formLevelError } from '../../../lib/form-errors.ts';
import { useSchemaForm } from '../../../lib/use-schema-form.ts';

/** The danger zone: erasure is irreversible, so the owner types the partner's name to confirm. */
export function DeletePartnerCard({ partner }: { partner: Partner }) {
  const { t } = useTranslation('onboarding');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useSchemaForm({ confirmName: '' }, deletePartnerBodySchema);
  const deletion = useMutation({
    mutationFn: deletePartner,
    onSuccess: (request) => {
      queryClient.setQueryData(partnerKeys.deletion, request);
      void queryClient.invalidateQueries({ queryKey: partnerKeys.me });
    },
  });
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
          <motion.form
            ref={form.formRef}
            className="form"
            noValidate
            initial={{ opacity: 0, height: 0 }}
            animate={{ opacity: 1, height: 'auto' }}
            exit={{ opacity: 0, height: 0 }}
            onSubmit={(event) => {
              const body = form.validate(event);
              if (!body || !matches || deletion.isPending) return;
              deletion.mutate(body.confirmName, {
                onError: (error) => form.applyServerError(error, { confirm_name_mismatch: 'confirmName' }),
              });
            }}
          >
            <div className="alert alert-warning" role="note">
              <p className="alert-title">{t('privacy.deleteWarningTitle')}</p>
              <p style={{ margin: 0 }}>{t('privacy.deleteWarning')}</p>
            </div>
            <TextField
              label={t('privacy.confirmLabel', { name: partner.name })}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              {...form.field('confirmName')}
              testId="delete-confirm-name"
            />
            <ProblemAlert error={formLevelError(deletion.error, ['confirm_name_mismatch'])} />
            <div className="row">
              <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
                {t('dialog.cancel')}
              </button>
              <button
                type="submit"
                className="btn btn-danger"
                data-testid="delete-confirm"
                disabled={!matches || deletion.isPending}
              >
                {deletion.isPending ? t('privacy.deleting') : t('privacy.deleteConfirm')}
              </button>
            </div>
          </motion.form>
        )}
      </AnimatePresence>
    </section>
  );
}
