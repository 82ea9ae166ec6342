import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The way from the admin overview to the Sent-mail page (verification and reset links in the demo). */
export function SentMailCard() {
  const { t } = useTranslation('admin');
  return (
    <section className="card" aria-labelledby="sent-mail-card-title">
      <div className="card-header">
        <div>
          <h2 id="sent-mail-card-title">{t('sentMail.title')}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {t('sentMail.cardDescription')}
          </p>
        </div>
        <Link to="/admin/mail" className="btn btn-secondary" data-testid="admin-sent-mail">
          {t('sentMail.open')}
        </Link>
      </div>
    </section>
  );
}
