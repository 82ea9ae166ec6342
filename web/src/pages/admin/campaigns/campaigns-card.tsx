import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The way from the admin overview to the sponsored campaigns' review queue. */
export function CampaignsCard() {
  const { t } = useTranslation('sponsored');
  return (
    <section className="card" aria-labelledby="campaigns-card-title">
      <div className="card-header">
        <div>
          <h2 id="campaigns-card-title">{t('admin.title')}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {t('admin.cardDescription')}
          </p>
        </div>
        <Link to="/admin/campaigns" className="btn btn-secondary" data-testid="admin-campaigns">
          {t('admin.open')}
        </Link>
      </div>
    </section>
  );
}
