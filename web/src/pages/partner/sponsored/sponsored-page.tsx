import type { MyPartner } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { AccessNotices, catalogueAccess } from '../catalogue/access.tsx';
import { useLang } from '../catalogue/use-lang.ts';
import { WithMyPartner } from '../with-my-partner.tsx';
import { CampaignCard } from './campaign-card.tsx';
import { CampaignForm } from './campaign-form.tsx';
import { useMyCampaigns, useUpdateCampaign } from './sponsored-queries.ts';
import './sponsored.css';

function Sponsored({ my }: { my: MyPartner }) {
  const { t } = useTranslation('sponsored');
  const lang = useLang();
  const access = catalogueAccess(my);
  const [creating, setCreating] = useState(false);
  const campaigns = useMyCampaigns(lang);
  const update = useUpdateCampaign(lang);
  const canCreate = access.canPublish;

  return (
    <div className="stack" data-testid="sponsored-page">
      <div className="card-header sponsored-head">
        <div>
          <h2>{t('title')}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {t('subtitle')}
          </p>
        </div>
        {canCreate && !creating && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setCreating(true)}
            data-testid="campaign-new"
          >
            {t('new')}
          </button>
        )}
      </div>
      <AccessNotices my={my} />
      {creating && <CampaignForm onDone={() => setCreating(false)} />}
      <ProblemAlert error={update.error} />
      {campaigns.isPending ? (
        <Loading />
      ) : campaigns.isError ? (
        <ProblemAlert error={campaigns.error} />
      ) : campaigns.data.items.length === 0 ? (
        !creating && (
          <section className="empty-state" data-testid="sponsored-empty">
            <h2>{t('emptyTitle')}</h2>
            <p className="muted">{t('emptyBody')}</p>
          </section>
        )
      ) : (
        <ul className="plain-list campaign-grid" data-testid="campaign-list">
          {campaigns.data.items.map((campaign) => (
            <CampaignCard
              key={campaign.id}
              campaign={campaign}
              canWrite={canCreate}
              busy={update.isPending}
              onPause={(paused) => update.mutate({ id: campaign.id, body: { paused } })}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/** Partner Portal → Sponsored: the partner's campaigns, their figures, and a new one. */
export function SponsoredPage() {
  const { t } = useTranslation('sponsored');
  useDocumentTitle(t('title'));
  return <WithMyPartner>{(my) => <Sponsored my={my} />}</WithMyPartner>;
}
