import type { PublicPartner } from '@contracts/http';
import { motion } from 'framer-motion';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { VerifiedBadge } from '../../components/ui/verified-badge.tsx';
import { PartnerLogo } from './partner-logo.tsx';
import type { DisplayNames } from '../../lib/display-names.ts';
import './partner-card.css';

const SHOWN_CHIPS = 3;

function Chips({ label, values }: { label: string; values: string[] }) {
  const { t } = useTranslation('directory');
  if (values.length === 0) return null;
  const rest = values.length - SHOWN_CHIPS;
  return (
    <div className="partner-card-chips">
      <span className="dir-chip-label">{label}</span>
      <ul aria-label={label}>
        {values.slice(0, SHOWN_CHIPS).map((value) => (
          <li key={value} className="dir-chip">
            {value}
          </li>
        ))}
        {rest > 0 && <li className="dir-chip dir-chip-more">{t('card.more', { count: rest })}</li>}
      </ul>
    </div>
  );
}

interface PartnerCardProps {
  partner: PublicPartner;
  names: DisplayNames;
  index: number;
  /** The directory's query string, so the profile's back link returns to the same results. */
  fromSearch: string;
}

export function PartnerCard({ partner, names, index, fromSearch }: PartnerCardProps) {
  const { t } = useTranslation('directory');
  return (
    <motion.li
      className="card partner-card"
      data-testid="partner-card"
      data-partner-id={partner.id}
      initial={{ opacity: 0, y: 14 }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ duration: 0.25, delay: Math.min(index, 8) * 0.04, ease: 'easeOut' }}
      whileHover={{ y: -3 }}
    >
      <div className="partner-card-head">
        <PartnerLogo name={partner.name} logoUrl={partner.logoUrl} />
        <div className="partner-card-title">
          <h3>
            <Link to={`/partners/${partner.id}`} state={{ directorySearch: fromSearch }} className="partner-card-link">
              {partner.name}
            </Link>
          </h3>
          <p className="muted">
            {t(`common:partnerTypes.${partner.type}`)} · {names.country(partner.country)}
          </p>
        </div>
      </div>
      {partner.verified && (
        <div>
          <VerifiedBadge verifiedAt={partner.verifiedAt} size="sm" />
        </div>
      )}
      {partner.description && <p className="partner-card-description">{partner.description}</p>}
      <Chips label={t('card.regions')} values={partner.regions.map(names.region)} />
      <Chips label={t('card.languages')} values={partner.languages.map(names.language)} />
    </motion.li>
  );
}
