import type { Breakdown } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { VerifiedBadge } from '../../components/ui/verified-badge.tsx';
import { formatDay, formatMinor } from './traveller-format.ts';
import './price-breakdown.css';

type Line = Breakdown['lines'][number];

/** A line's units summed over its days: "4 × adult at €45.00". */
function unitsOf(line: Line): { code: string; quantity: number; unitPriceMinor: number }[] {
  const byKey = new Map<string, { code: string; quantity: number; unitPriceMinor: number }>();
  for (const unit of line.units) {
    const key = `${unit.code}|${unit.unitPriceMinor}`;
    const seen = byKey.get(key);
    if (seen) seen.quantity += unit.quantity;
    else byKey.set(key, { ...unit });
  }
  return [...byKey.values()].filter((unit) => unit.quantity > 0);
}

function LineWhen({ line }: { line: Line }) {
  const { t, i18n } = useTranslation('booking');
  const first = line.dates[0];
  if (!first) return null;
  const day = formatDay(first.date, i18n.language, 'medium');
  const text =
    line.dates.length > 1
      ? t('breakdown.nightsFrom', { count: line.dates.length, date: day })
      : first.startTime
        ? t('breakdown.at', { date: day, time: first.startTime })
        : day;
  return <span>{text}</span>;
}

/**
 * The price card: every line with its partner and units, the bundle discount, any coupon, and a
 * total that is exactly the sum (the API's breakdown, shown as it is, in the UI language).
 */
export function PriceBreakdown({ breakdown }: { breakdown: Breakdown }) {
  const { t, i18n } = useTranslation('booking');
  const money = (minor: number) => formatMinor(minor, breakdown.currency, i18n.language);
  const verified = new Map(breakdown.partners.map((p) => [p.partnerId, p.partnerVerified]));
  return (
    <div className="price-breakdown" data-testid="price-breakdown">
      <ul className="plain-list price-lines">
        {breakdown.lines.map((line) => (
          <li key={line.position} className="price-line" data-testid="price-line">
            <div className="price-line-head">
              <span className="price-line-title">{line.title}</span>
              <span className="price-amount">{money(line.grossMinor)}</span>
            </div>
            <div className="price-line-meta muted">
              <span className="price-line-partner">
                {line.partnerName}
                {verified.get(line.partnerId) && <VerifiedBadge size="sm" />}
              </span>
              <LineWhen line={line} />
              <span>
                {unitsOf(line)
                  .map((unit) =>
                    t('breakdown.units', {
                      count: unit.quantity,
                      unit: t(`units.${unit.code}`, { count: unit.quantity }),
                      price: money(unit.unitPriceMinor),
                    }),
                  )
                  .join(' · ')}
              </span>
            </div>
          </li>
        ))}
      </ul>
      <dl className="price-totals">
        <div>
          <dt>{t('breakdown.subtotal')}</dt>
          <dd>{money(breakdown.subtotalMinor)}</dd>
        </div>
        {breakdown.bundleDiscountMinor > 0 && (
          <div className="price-discount" data-testid="price-bundle-discount">
            <dt>{t('breakdown.bundleDiscount')}</dt>
            <dd>−{money(breakdown.bundleDiscountMinor)}</dd>
          </div>
        )}
        {breakdown.couponDiscountMinor > 0 && (
          <div className="price-discount">
            <dt>{t('breakdown.couponDiscount')}</dt>
            <dd>−{money(breakdown.couponDiscountMinor)}</dd>
          </div>
        )}
        <div className="price-total" data-testid="price-total">
          <dt>{t('breakdown.total')}</dt>
          <dd>{money(breakdown.totalMinor)}</dd>
        </div>
      </dl>
    </div>
  );
}
