import type { Breakdown, DiscountRule, UnitCode } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { VerifiedBadge } from '../../../components/ui/verified-badge.tsx';
import { formatBps, formatMinor } from '../catalogue/money.ts';
import './breakdown-view.css';

function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * A quote's breakdown: each line with its units, gross, bundle discount and what its partner is
 * owed; the totals; and what each partner receives (sums exactly to the total, per the engine).
 */
export function BreakdownView({
  breakdown,
  sellerPartnerId,
  rules = [],
}: {
  breakdown: Breakdown;
  sellerPartnerId?: string;
  /** The package's rules, to name an applied one ("Rule 1 · 10 %") instead of its id. */
  rules?: readonly DiscountRule[];
}) {
  const { t, i18n } = useTranslation('packages');
  const money = (minor: number) => formatMinor(minor, breakdown.currency, i18n.language);
  const ruleName = (ruleId: string) => {
    const index = rules.findIndex((rule) => rule.id === ruleId);
    const rule = rules[index];
    if (!rule) return ruleId;
    const size = rule.type === 'percentage' ? formatBps(rule.bps, i18n.language) : money(rule.amountMinor);
    return `${t('rules.legend', { n: index + 1 })} · ${size}`;
  };
  return (
    <div className="breakdown stack" data-testid="breakdown">
      <ol className="plain-list breakdown-lines">
        {breakdown.lines.map((line) => (
          <li key={line.position} className="breakdown-line" data-testid="breakdown-line">
            <div className="breakdown-line-head">
              <strong>{line.title}</strong>
              <span className="breakdown-amount">{money(line.netMinor)}</span>
            </div>
            <p className="muted breakdown-meta">
              {line.partnerName} ·{' '}
              {line.dates
                .map((d) => `${formatDate(d.date, i18n.language)}${d.startTime ? ` ${d.startTime}` : ''}`)
                .join(', ')}
            </p>
            <p className="muted breakdown-meta">
              {line.units
                .map((unit) =>
                  t('breakdown.unit', {
                    quantity: unit.quantity,
                    unit: t(`catalogue:units.${unit.code as UnitCode}`),
                    price: money(unit.unitPriceMinor),
                  }),
                )
                .join(' · ')}
            </p>
            <dl className="breakdown-figures">
              <dt>{t('breakdown.gross')}</dt>
              <dd>{money(line.grossMinor)}</dd>
              {line.bundleDiscountMinor > 0 && (
                <>
                  <dt>{t('breakdown.bundleDiscount')}</dt>
                  <dd>−{money(line.bundleDiscountMinor)}</dd>
                </>
              )}
              {line.couponDiscountMinor > 0 && (
                <>
                  <dt>{t('breakdown.couponDiscount')}</dt>
                  <dd>−{money(line.couponDiscountMinor)}</dd>
                </>
              )}
              {line.partnerId !== sellerPartnerId && (
                <>
                  <dt>{t('breakdown.supplierShare', { partner: line.partnerName })}</dt>
                  <dd>{money(line.supplierShareMinor)}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ol>
      <dl className="breakdown-totals">
        <dt>{t('breakdown.subtotal')}</dt>
        <dd data-testid="breakdown-subtotal">{money(breakdown.subtotalMinor)}</dd>
        <dt>{t('breakdown.bundleDiscount')}</dt>
        <dd data-testid="breakdown-discount">
          {breakdown.bundleDiscountMinor > 0 ? `−${money(breakdown.bundleDiscountMinor)}` : money(0)}
        </dd>
        {breakdown.couponDiscountMinor > 0 && (
          <>
            <dt>{t('breakdown.couponDiscount')}</dt>
            <dd>−{money(breakdown.couponDiscountMinor)}</dd>
          </>
        )}
        <dt className="breakdown-total">{t('breakdown.total')}</dt>
        <dd className="breakdown-total" data-testid="breakdown-total">
          {money(breakdown.totalMinor)}
        </dd>
      </dl>
      {breakdown.appliedRules.length > 0 && (
        <div>
          <h4 className="breakdown-subtitle">{t('breakdown.appliedRules')}</h4>
          <ul className="plain-list breakdown-rules">
            {breakdown.appliedRules.map((rule) => (
              <li key={rule.ruleId}>
                {ruleName(rule.ruleId)}: −{money(rule.amountMinor)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h4 className="breakdown-subtitle">{t('breakdown.partners')}</h4>
        <ul className="plain-list breakdown-partners" data-testid="breakdown-partners">
          {breakdown.partners.map((partner) => (
            <li key={partner.partnerId} data-testid="breakdown-partner">
              <span className="breakdown-partner-name">
                {partner.partnerName}
                {partner.partnerVerified && <VerifiedBadge size="sm" />}
              </span>
              <span className="breakdown-partner-figures">
                <span className="muted">{t('breakdown.partnerNet', { amount: money(partner.netMinor) })}</span>
                <strong>{t('breakdown.partnerPayable', { amount: money(partner.payableMinor) })}</strong>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
