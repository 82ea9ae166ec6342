import type { PackageView } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { VerifiedBadge } from '../../components/ui/verified-badge.tsx';
import { PackagePlaceholder } from './package-gallery.tsx';
import { formatMinor } from './traveller-format.ts';
import './package-card.css';

/** A package in a list: picture (or the drawn placeholder), title, where, how long, who, from what price. */
export function PackageCard({ pkg }: { pkg: PackageView }) {
  const { t, i18n } = useTranslation('booking');
  const image = [...pkg.images].sort((a, b) => a.position - b.position)[0];
  const partners = new Set(pkg.lines.map((line) => line.partnerId)).size;
  return (
    <li className="card package-card" data-testid="package-card" data-package-id={pkg.id}>
      {image ? (
        <img className="package-card-image" src={image.url} alt="" loading="lazy" />
      ) : (
        <PackagePlaceholder place={pkg.destination?.place ?? null} compact />
      )}
      <div className="package-card-body">
        <h3>
          <Link to={`/packages/${pkg.id}`} className="package-card-link">
            {pkg.title}
          </Link>
        </h3>
        <p className="muted package-card-meta">
          {[pkg.destination?.place, t('card.days', { count: Math.max(1, pkg.durationDays) })]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <div className="package-card-seller">
          <span>{t('card.by', { name: pkg.partnerName })}</span>
          {pkg.partnerVerified && <VerifiedBadge size="sm" />}
        </div>
        {partners > 1 && <p className="muted package-card-partners">{t('card.partners', { count: partners })}</p>}
        {pkg.basePriceMinor > 0 && (
          <p className="package-card-price">
            <span className="muted">{t('card.from')}</span>{' '}
            <strong>{formatMinor(pkg.basePriceMinor, pkg.currency, i18n.language)}</strong>{' '}
            <span className="muted">{t('card.perAdult')}</span>
          </p>
        )}
      </div>
    </li>
  );
}
