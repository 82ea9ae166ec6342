import type { TestCard } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { brandMarks, brandNames, declines, knownTestCards } from './test-cards.ts';

interface TestCardPickerProps {
  cards: TestCard[];
  value: string;
  disabled: boolean;
  onChange: (id: string) => void;
}

/**
 * Emulator mode: Stripe's test cards as radio cards — brand, last four digits and what paying
 * with it does (succeeds, which decline, 3-D Secure, a later dispute) — so a tester can walk
 * every path of the checkout.
 */
export function TestCardPicker({ cards, value, disabled, onChange }: TestCardPickerProps) {
  const { t } = useTranslation('billing');
  return (
    <fieldset className="card-picker" data-testid="test-card-picker" disabled={disabled}>
      <legend className="card-picker-legend">{t('checkout.chooseCard')}</legend>
      <div className="card-picker-options">
        {cards.map((card) => {
          const known = knownTestCards[card.id];
          const succeeds = !known || !declines(known.outcome);
          return (
            <label
              key={card.id}
              className={`test-card${value === card.id ? ' is-selected' : ''}`}
              data-testid="test-card"
              data-card={card.id}
            >
              <input
                type="radio"
                name="test-card"
                value={card.id}
                checked={value === card.id}
                onChange={() => onChange(card.id)}
              />
              <span className={`test-card-brand brand-${known?.brand ?? 'other'}`} aria-hidden="true">
                {known ? brandMarks[known.brand] : '····'}
              </span>
              <span className="test-card-text">
                <span className="test-card-name">
                  {known ? (
                    <>
                      {brandNames[known.brand]} <span className="test-card-digits">•••• {known.last4}</span>
                    </>
                  ) : (
                    card.label
                  )}
                </span>
                <span className={`test-card-outcome${succeeds ? ' is-success' : ' is-decline'}`}>
                  {known ? t(`cards.${known.outcome}`) : card.label}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
