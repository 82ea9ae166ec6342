import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { privacySections } from './privacy-sections.ts';
import './privacy-page.css';

export function PrivacyPage() {
  const { t } = useTranslation('privacy');
  useDocumentTitle(t('title'));
  return (
    <article className="prose" aria-labelledby="privacy-title">
      <h1 id="privacy-title" className="page-title">
        {t('title')}
      </h1>
      <p className="muted">{t('version')}</p>
      <p className="lead">{t('intro')}</p>
      <nav aria-label={t('tocLabel')}>
        <ol>
          {privacySections.map((section) => (
            <li key={section.id}>
              <a href={`#privacy-${section.id}`}>{t(`sections.${section.id}.title`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {privacySections.map((section) => (
        <section key={section.id} id={`privacy-${section.id}`} aria-labelledby={`privacy-${section.id}-title`}>
          <h2 id={`privacy-${section.id}-title`}>{t(`sections.${section.id}.title`)}</h2>
          <p>{t(`sections.${section.id}.body`)}</p>
          {section.items.length > 0 && (
            <ul>
              {section.items.map((item) => (
                <li key={item}>{t(`sections.${section.id}.items.${item}`)}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p>
        <Link to="/account">{t('manageAccount')}</Link>
        {' · '}
        <Link to="/partner/privacy">{t('managePartner')}</Link>
      </p>
    </article>
  );
}
