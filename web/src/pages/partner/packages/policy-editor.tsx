import type { CancellationPolicy } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { useErrorText } from '../../../lib/use-error-text.ts';
import type { PathErrors, TierValues } from './package-values.ts';

/** "7 days" / "48 hours" / "the start", in the portal's language. */
export function useNotice() {
  const { t } = useTranslation('packages');
  return (hours: number) =>
    hours === 0
      ? t('policy.atStart')
      : hours % 24 === 0
        ? t('policy.days', { count: hours / 24 })
        : t('policy.hours', { count: hours });
}

/** The policy in plain words, one sentence per tier, then what happens after the last one. */
export function PolicyWords({ policy }: { policy: CancellationPolicy }) {
  const { t } = useTranslation('packages');
  const notice = useNotice();
  const last = policy.tiers[policy.tiers.length - 1];
  return (
    <ul className="policy-words" data-testid="policy-words">
      {policy.tiers.map((tier) => (
        <li key={tier.hoursBefore}>
          {tier.hoursBefore === 0
            ? t('policy.wordsUntilStart', { percent: tier.refundPercent })
            : t('policy.wordsTier', { percent: tier.refundPercent, notice: notice(tier.hoursBefore) })}
        </li>
      ))}
      {last && last.hoursBefore > 0 && <li>{t('policy.wordsAfter', { notice: notice(last.hoursBefore) })}</li>}
    </ul>
  );
}

/** Tiers of "cancel at least N days/hours before → refund P %". */
export function PolicyEditor({
  tiers,
  errors,
  disabled,
  onChange,
}: {
  tiers: TierValues[];
  errors: PathErrors;
  disabled: boolean;
  onChange: (next: TierValues[]) => void;
}) {
  const { t } = useTranslation('packages');
  const errorText = useErrorText();
  const update = (index: number, patch: Partial<TierValues>) =>
    onChange(tiers.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)));
  return (
    <div className="stack" data-testid="policy-editor">
      <p className="field-hint" style={{ margin: 0 }}>
        {t('policy.hint')}
      </p>
      <ul className="plain-list stack">
        {tiers.map((tier, index) => (
          <li key={index} className="tier-row" data-testid="tier">
            <TextField
              label={t('policy.before')}
              value={tier.amount}
              inputMode="numeric"
              errors={errors[`tiers.${index}.amount`]}
              testId={`tier-amount-${index}`}
              onChange={(event) => update(index, { amount: event.target.value })}
            />
            <SelectField
              label={t('policy.unit')}
              value={tier.unit}
              options={(['days', 'hours'] as const).map((value) => ({ value, label: t(`policy.unit_${value}`) }))}
              testId={`tier-unit-${index}`}
              onChange={(event) => update(index, { unit: event.target.value as TierValues['unit'] })}
            />
            <TextField
              label={t('policy.refund')}
              value={tier.refundPercent}
              inputMode="numeric"
              errors={errors[`tiers.${index}.refundPercent`]}
              testId={`tier-refund-${index}`}
              onChange={(event) => update(index, { refundPercent: event.target.value })}
            />
            {!disabled && tiers.length > 1 && (
              <button
                type="button"
                className="btn btn-ghost btn-sm tier-remove"
                aria-label={t('policy.removeLabel', { n: index + 1 })}
                onClick={() => onChange(tiers.filter((_, i) => i !== index))}
              >
                {t('policy.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {errors.tiers && (
        <ul className="field-error" data-testid="tiers-error">
          {errors.tiers.map((code) => (
            <li key={code}>{errorText(code)}</li>
          ))}
        </ul>
      )}
      {!disabled && tiers.length < 10 && (
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          style={{ alignSelf: 'flex-start' }}
          data-testid="tier-add"
          onClick={() => onChange([...tiers, { amount: '', unit: 'hours', refundPercent: '' }])}
        >
          {t('policy.add')}
        </button>
      )}
    </div>
  );
}
