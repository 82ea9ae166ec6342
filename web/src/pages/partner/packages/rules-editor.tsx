import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { conditionFields, dateConditions, newRule, type PathErrors, type RuleValues } from './package-values.ts';

/**
 * Bundle discount rules: a percentage or a fixed amount, each with optional conditions that
 * must all hold (distinct items, travel window, early booking, party). The service applies
 * them in the documented order and never below what other partners are owed.
 */
export function RulesEditor({
  rules,
  currency,
  errors,
  disabled,
  onChange,
}: {
  rules: RuleValues[];
  currency: string | null;
  errors: PathErrors;
  disabled: boolean;
  onChange: (next: RuleValues[]) => void;
}) {
  const { t } = useTranslation('packages');
  const update = (index: number, patch: Partial<RuleValues>) =>
    onChange(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  return (
    <div className="stack" data-testid="rules-editor">
      {rules.length === 0 && (
        <p className="muted" style={{ margin: 0 }}>
          {t('rules.none')}
        </p>
      )}
      {rules.map((rule, index) => (
        <fieldset key={rule.id} className="rule-card" data-testid="rule">
          <legend className="chips-label">{t('rules.legend', { n: index + 1 })}</legend>
          <div className="rule-head">
            <SelectField
              label={t('rules.type')}
              value={rule.type}
              options={(['percentage', 'fixed'] as const).map((value) => ({ value, label: t(`rules.${value}`) }))}
              testId={`rule-type-${index}`}
              onChange={(event) => update(index, { type: event.target.value as RuleValues['type'], value: '' })}
            />
            <TextField
              label={rule.type === 'percentage' ? t('rules.percent') : t('rules.amount', { currency: currency ?? '—' })}
              value={rule.value}
              inputMode="decimal"
              errors={errors[`rules.${index}.value`]}
              testId={`rule-value-${index}`}
              onChange={(event) => update(index, { value: event.target.value })}
            />
          </div>
          <details className="rule-conditions" open={Object.values(rule.conditions).some((v) => v.trim() !== '')}>
            <summary>{t('rules.conditions')}</summary>
            <p className="field-hint">{t('rules.conditionsHint')}</p>
            <div className="rule-grid">
              {conditionFields.map((field) => (
                <TextField
                  key={field}
                  label={t(`rules.condition_${field}`)}
                  type={dateConditions.includes(field) ? 'date' : 'text'}
                  inputMode={dateConditions.includes(field) ? undefined : 'numeric'}
                  value={rule.conditions[field]}
                  errors={errors[`rules.${index}.${field}`]}
                  testId={`rule-${field}-${index}`}
                  onChange={(event) =>
                    update(index, { conditions: { ...rule.conditions, [field]: event.target.value } })
                  }
                />
              ))}
            </div>
          </details>
          {!disabled && (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              style={{ alignSelf: 'flex-start' }}
              data-testid={`rule-remove-${index}`}
              onClick={() => onChange(rules.filter((_, i) => i !== index))}
            >
              {t('rules.remove')}
            </button>
          )}
        </fieldset>
      ))}
      {!disabled && rules.length < 10 && (
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          style={{ alignSelf: 'flex-start' }}
          data-testid="rule-add"
          onClick={() => onChange([...rules, newRule(rules)])}
        >
          {t('rules.add')}
        </button>
      )}
    </div>
  );
}
