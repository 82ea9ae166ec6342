import type { Partner } from '@contracts/http';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useDisplayNames } from '../../lib/display-names.ts';
import { PersonName } from './person-name.tsx';
import './partner-facts.css';

const dash = '—';

/** Only http(s) is rendered as a link: anything else (javascript:, data:) would run in our origin. */
function ExternalLink({ href }: { href: string }) {
  let safe = false;
  try {
    safe = ['http:', 'https:'].includes(new URL(href).protocol);
  } catch {
    safe = false;
  }
  if (!safe) return <span className="mono">{href}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {href}
    </a>
  );
}

/** Everything the partner declared, as the admin needs it to compare with the documents. */
export function PartnerFacts({ partner }: { partner: Partner }) {
  const { t, i18n } = useTranslation('verification');
  const names = useDisplayNames();
  const date = (iso: string | null) => formatDateTime(iso, i18n.language);
  const rows: [string, ReactNode][] = [
    ['name', partner.name],
    ['legalName', partner.legalName ?? dash],
    ['type', t(`common:partnerTypes.${partner.type}`)],
    ['vatId', partner.vatId ? <span className="mono">{partner.vatId}</span> : dash],
    ['country', `${names.country(partner.country)} (${partner.country})`],
    [
      'contactEmail',
      partner.contactEmail ? <a href={`mailto:${partner.contactEmail}`}>{partner.contactEmail}</a> : dash,
    ],
    [
      'contactPhone',
      partner.contactPhone ? (
        <a href={`tel:${partner.contactPhone.replace(/[^+\d]/g, '')}`}>{partner.contactPhone}</a>
      ) : (
        dash
      ),
    ],
    ['website', partner.website ? <ExternalLink href={partner.website} /> : dash],
    [
      'socialLinks',
      partner.socialLinks.length ? (
        <ul className="plain-list">
          {partner.socialLinks.map((link) => (
            <li key={link}>
              <ExternalLink href={link} />
            </li>
          ))}
        </ul>
      ) : (
        dash
      ),
    ],
    ['regions', partner.regions.map(names.region).join(', ') || dash],
    ['languages', partner.languages.map(names.language).join(', ') || dash],
    ['description', partner.description ?? dash],
    ['createdAt', date(partner.createdAt)],
    ['submittedAt', date(partner.submittedAt)],
    ['updatedAt', date(partner.updatedAt)],
    ['verifiedAt', date(partner.verifiedAt)],
    ['ownerUserId', <PersonName userId={partner.ownerUserId} hint="owner" />],
  ];
  if (partner.rejectionReason) rows.push(['rejectionReason', partner.rejectionReason]);
  if (partner.suspensionReason) rows.push(['suspensionReason', partner.suspensionReason]);

  return (
    <section className="card" aria-labelledby="partner-facts-title" data-testid="admin-partner-facts">
      <h2 id="partner-facts-title">{t('facts.title')}</h2>
      <dl className="dl">
        {rows.map(([key, value]) => (
          <div key={key} className="dl-row" data-field={key}>
            <dt>{t(`facts.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
