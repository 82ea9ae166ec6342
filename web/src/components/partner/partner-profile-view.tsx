import type { PublicPartner } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VerifiedBadge } from '../ui/verified-badge.tsx';
import { useDisplayNames } from '../../lib/display-names.ts';
import { initials } from './partner-mark.ts';
import './partner-profile-view.css';

/** Only http(s) links are rendered: anything else (javascript:, data:) would run in our origin. */
function safeHref(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function linkLabel(href: string): string {
  const url = new URL(href);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.hostname.replace(/^www\./, '')}${path}`;
}

function PartnerLogo({ partner }: { partner: PublicPartner }) {
  const { t } = useTranslation('onboarding');
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (partner.logoUrl && failedUrl !== partner.logoUrl) {
    return (
      <img
        className="pp-logo"
        src={partner.logoUrl}
        alt={t('profileView.logoAlt', { name: partner.name })}
        onError={() => setFailedUrl(partner.logoUrl)}
      />
    );
  }
  return (
    <span className="pp-logo pp-initials" aria-hidden="true">
      {initials(partner.name) || '?'}
    </span>
  );
}

function CodeList({ label, items, name }: { label: string; items: string[]; name: (code: string) => string }) {
  const { t } = useTranslation('onboarding');
  return (
    <div className="pp-block">
      <h3 className="pp-block-title">{label}</h3>
      {items.length === 0 ? (
        <p className="muted pp-empty">{t('profileView.none')}</p>
      ) : (
        <ul className="pp-tags">
          {items.map((code) => (
            <li key={code} className="badge badge-neutral">
              {name(code)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A partner as travellers see it (public profile, directory detail, the editor's live preview).
 * Self-contained: its own strings (`onboarding:profileView.*`) and styles.
 */
export function PartnerProfileView({ partner, headingLevel = 2 }: { partner: PublicPartner; headingLevel?: 1 | 2 }) {
  const { t, i18n } = useTranslation('onboarding');
  const names = useDisplayNames();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const website = safeHref(partner.website);
  const links = partner.socialLinks.map(safeHref).filter((href): href is string => !!href);
  const created = new Date(partner.createdAt);
  const since = Number.isNaN(created.getTime())
    ? null
    : new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long' }).format(created);
  // Travellers read the description written in their language when the partner wrote one.
  const own = partner.descriptions[i18n.language as keyof typeof partner.descriptions];
  const description = own ?? partner.description;

  return (
    <article className="pp-view" aria-label={t('profileView.label', { name: partner.name })}>
      <header className="pp-header">
        <PartnerLogo partner={partner} />
        <div className="pp-heading">
          <Heading className="pp-name">{partner.name}</Heading>
          <div className="row pp-meta">
            {partner.verified && <VerifiedBadge verifiedAt={partner.verifiedAt} />}
            <span>{t(`common:partnerTypes.${partner.type}`)}</span>
            <span aria-hidden="true">·</span>
            <span>{names.country(partner.country)}</span>
          </div>
          {since && <p className="muted pp-since">{t('profileView.memberSince', { date: since })}</p>}
        </div>
      </header>
      {description ? (
        <p className="pp-description" lang={own ? i18n.language : undefined}>
          {description}
        </p>
      ) : (
        <p className="muted pp-description">{t('profileView.noDescription')}</p>
      )}
      <div className="pp-columns">
        <CodeList label={t('profileView.regions')} items={partner.regions} name={names.region} />
        <CodeList label={t('profileView.languages')} items={partner.languages} name={names.language} />
      </div>
      {(website || links.length > 0) && (
        <div className="pp-block">
          <h3 className="pp-block-title">{t('profileView.links')}</h3>
          <ul className="pp-links">
            {website && (
              <li>
                <span className="muted">{t('profileView.website')}: </span>
                <a href={website} target="_blank" rel="noopener noreferrer nofollow">
                  {linkLabel(website)}
                </a>
              </li>
            )}
            {links.map((href) => (
              <li key={href}>
                <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                  {linkLabel(href)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
