import type { Party } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { partyBands, type PartyBand } from './traveller-format.ts';
import './party-picker.css';

const MAX: Record<PartyBand, number> = { adult: 50, child: 50, infant: 20, senior: 50 };

/** Who travels: a stepper per age band; at least one adult or senior stays (the API's rule). */
export function PartyPicker({ party, onChange }: { party: Party; onChange: (party: Party) => void }) {
  const { t, i18n } = useTranslation('booking');
  const grownUps = party.adult + party.senior;
  return (
    <fieldset className="party-picker" data-testid="party-picker">
      <legend className="chips-label">{t('party.title')}</legend>
      {partyBands.map((band) => {
        const value = party[band];
        const lastGrownUp = (band === 'adult' || band === 'senior') && value > 0 && grownUps <= 1;
        const label = t(`party.band.${band}`);
        return (
          <div key={band} className="party-row">
            <span className="party-label">
              {label}
              <span className="field-hint">{t(`party.hint.${band}`)}</span>
            </span>
            <div className="party-stepper" role="group" aria-label={label}>
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                aria-label={t('party.less', { band: label })}
                data-testid={`party-${band}-less`}
                disabled={value <= 0 || lastGrownUp}
                onClick={() => onChange({ ...party, [band]: value - 1 })}
              >
                −
              </button>
              <output aria-live="polite" data-testid={`party-${band}`}>
                {formatNumber(value, i18n.language)}
              </output>
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                aria-label={t('party.more', { band: label })}
                data-testid={`party-${band}-more`}
                disabled={value >= MAX[band]}
                onClick={() => onChange({ ...party, [band]: value + 1 })}
              >
                +
              </button>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
