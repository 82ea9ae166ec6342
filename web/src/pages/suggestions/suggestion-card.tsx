import type { Suggestion } from '@contracts/http';
import { motion } from 'framer-motion';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { VerifiedBadge } from '../../components/ui/verified-badge.tsx';
import { formatDay, formatMinor } from '../packages/traveller-format.ts';
import type { FromSearchState } from './suggested-request.ts';
import './suggested-panel.css';

interface SuggestionCardProps {
  suggestion: Suggestion;
  index: number;
  /** Router state for the package link (the search to go back to). */
  linkState?: FromSearchState | undefined;
}

/** One suggestion: a package or a combination of items, its dates, price for the party and reasons. */
export function SuggestionCard({ suggestion, index, linkState }: SuggestionCardProps) {
  const { t, i18n } = useTranslation('discover');
  const language = i18n.language;
  const dates =
    suggestion.startDate === suggestion.endDate
      ? formatDay(suggestion.startDate, language)
      : `${formatDay(suggestion.startDate, language)} – ${formatDay(suggestion.endDate, language)}`;
  return (
    <motion.li
      className="card suggestion-card"
      data-testid="suggestion-card"
      data-suggestion-kind={suggestion.kind}
      initial={{ opacity: 0, y: 10 }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ delay: Math.min(index, 8) * 0.04, duration: 0.25 }}
    >
      <span className="result-card-kind">{t(`forYou.kind.${suggestion.kind}`)}</span>
      <h3>
        {suggestion.packageId ? (
          <Link to={`/packages/${suggestion.packageId}`} state={linkState}>
            {suggestion.title}
          </Link>
        ) : (
          suggestion.title
        )}
      </h3>
      <p className="muted suggestion-dates">{dates}</p>
      <ul className="suggestion-items">
        {suggestion.items.map((item) => (
          <li key={item.itemId}>
            <span>{item.title}</span>{' '}
            <Link to={`/partners/${item.partnerId}`} className="muted">
              {t('forYou.by', { name: item.partnerName })}
            </Link>{' '}
            {item.partnerVerified && <VerifiedBadge size="sm" />}
          </li>
        ))}
      </ul>
      <ul className="suggestion-reasons" aria-label={t('forYou.reasonsLabel')}>
        {suggestion.reasons.map((reason) => (
          <li key={reason} className="suggestion-reason" data-testid={`reason-${reason}`}>
            {t(`forYou.reasons.${reason}`)}
          </li>
        ))}
      </ul>
      <p className="package-card-price suggestion-price" data-testid="suggestion-price">
        <strong>{formatMinor(suggestion.totalMinor, suggestion.currency, language)}</strong>{' '}
        <span className="muted">{t('forYou.forParty')}</span>
      </p>
    </motion.li>
  );
}
