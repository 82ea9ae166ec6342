import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The way from the admin overview to the Money page (reconciliation, disputes, money audit, fee). */
export function MoneyCard() {
  const { t } = useTranslation('billing-admin');
  return (
    <section className="card" aria-labelledby="money-card-title">
      <div className="card-header">
        <div>
          <h2 id="money-card-title">{t('card.title')}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {t('card.description')}
          </p>
        </div>
        <Link to="/admin/money" className="btn btn-secondary" data-testid="admin-money">
          {t('card.open')}
        </Link>
      </div>
    </section>
  );
}
