import type { PackageSlots, PackageView } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { linesNeedingChoice } from './slot-choice.ts';
import { formatDay } from './traveller-format.ts';
import './slot-pickers.css';

interface SlotPickersProps {
  pkg: PackageView;
  slots: PackageSlots;
  chosen: Record<string, string>;
  onChoose: (position: number, availabilityId: string) => void;
}

/** One row of start times per line that offers several that day; full ones are shown, not offered. */
export function SlotPickers({ pkg, slots, chosen, onChoose }: SlotPickersProps) {
  const { t, i18n } = useTranslation('booking');
  const lines = linesNeedingChoice(slots);
  if (lines.length === 0) return null;
  return (
    <div className="slot-pickers" data-testid="slot-pickers">
      {lines.map((line) => {
        const title = pkg.lines.find((l) => l.position === line.position)?.title ?? '';
        const name = `slot-${line.position}`;
        return (
          <fieldset key={line.position} className="slot-picker" data-testid={`slot-picker-${line.position}`}>
            <legend>
              {t('slots.choose', { title })}
              <span className="field-hint">{formatDay(line.date, i18n.language, 'full')}</span>
            </legend>
            <div className="slot-options">
              {line.slots.map((slot) => (
                <label key={slot.availabilityId} className={`slot-option${slot.fits ? '' : ' is-full'}`}>
                  <input
                    type="radio"
                    name={name}
                    value={slot.availabilityId}
                    checked={chosen[String(line.position)] === slot.availabilityId}
                    disabled={!slot.fits}
                    onChange={() => onChoose(line.position, slot.availabilityId)}
                  />
                  <span className="slot-time">{slot.startTime}</span>
                  <span className="slot-left">
                    {slot.fits ? t('slots.left', { count: slot.remaining }) : t('slots.full')}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
