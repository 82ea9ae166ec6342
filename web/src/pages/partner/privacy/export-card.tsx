import type { Partner } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useExportPartnerData } from '../partner-queries.ts';

/** GDPR access/portability: everything held about the partner, as one JSON file. */
export function ExportCard({ partner, owner }: { partner: Partner; owner: boolean }) {
  const { t } = useTranslation('onboarding');
  const download = useExportPartnerData(partner.id);
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('privacy.exportTitle')}</h2>
      <p className="muted">{t('privacy.exportBody')}</p>
      {owner ? (
        <>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="export-download"
            disabled={download.isPending}
            aria-busy={download.isPending || undefined}
            onClick={() => download.mutate()}
          >
            {download.isPending && <span className="spinner spinner-sm" aria-hidden="true" />}
            {download.isPending ? t('privacy.exporting') : t('privacy.export')}
          </button>
          <p className="doc-notice doc-notice-success" role="status" aria-live="polite">
            {download.isSuccess && t('privacy.exported')}
          </p>
          <ProblemAlert error={download.error} />
        </>
      ) : (
        <p className="field-hint">{t('privacy.ownerOnly')}</p>
      )}
    </section>
  );
}
