import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StatusBanner } from '../../../components/partner/status-banner.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useDeletion, useMyPartner } from '../partner-queries.ts';
import { NoPartner } from '../with-my-partner.tsx';
import { DeletePartnerCard } from './delete-partner-card.tsx';
import { DeletionProgress } from './deletion-progress.tsx';
import { ExportCard } from './export-card.tsx';

function Intro() {
  const { t } = useTranslation('onboarding');
  return (
    <section className="card" aria-labelledby="partner-privacy-title">
      <h2 id="partner-privacy-title">{t('privacy.title')}</h2>
      <p className="muted">{t('privacy.intro')}</p>
      <Link to="/privacy">{t('privacy.policyLink')}</Link>
    </section>
  );
}

/** GDPR for a partner: export everything, or erase it and follow the erasure service by service. */
export function PartnerPrivacyPage() {
  const { t } = useTranslation('onboarding');
  useDocumentTitle(t('privacy.title'));
  const me = useMyPartner();
  const my = me.data;
  // Only the owner requests erasure; the request outlives the partner, so ask when it is gone too.
  const followDeletion = me.isSuccess && (!my || (my.partner.status === 'deletion_requested' && my.role === 'owner'));
  const deletion = useDeletion(followDeletion);

  if (me.isPending || (followDeletion && deletion.isPending)) return <Loading />;
  if (me.isError) return <ProblemAlert error={me.error} />;
  // Just requested here: the answer is already cached, before /me reports the new status.
  const request =
    followDeletion || (deletion.data && deletion.data.partnerId === my?.partner.id) ? (deletion.data ?? null) : null;
  const owner = my?.role === 'owner';

  return (
    <div className="stack">
      <Intro />
      {my && !request && <StatusBanner partner={my.partner} />}
      {deletion.isError && <ProblemAlert error={deletion.error} />}
      {request && <DeletionProgress deletion={request} />}
      {!my && !request && <NoPartner />}
      {my && !request && my.partner.status !== 'deletion_requested' && (
        <>
          <ExportCard partner={my.partner} owner={owner} />
          {owner ? (
            <DeletePartnerCard partner={my.partner} />
          ) : (
            <p className="alert" role="note" data-testid="privacy-read-only">
              {t('privacy.ownerOnly')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
