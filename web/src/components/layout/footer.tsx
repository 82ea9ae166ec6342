import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import './footer.css';

export function Footer() {
  const { t } = useTranslation('common');
  const year = new Date().getFullYear();
  return (
    <footer className="footer">
      <div className="container footer-inner">
        <span>{t('footer.copyright', { year })}</span>
        <nav aria-label={t('footer.label')} className="row">
          <Link to="/privacy">{t('footer.privacy')}</Link>
        </nav>
      </div>
    </footer>
  );
}
