import type { PackageView, Party } from '@contracts/http';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../api/api-error.ts';
import type { QuoteBody } from '../../../api/bundling-api.ts';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useErrorText } from '../../../lib/use-error-text.ts';
import { addDays, todayIso } from '../catalogue/availability-values.ts';
import { formatMinor } from '../catalogue/money.ts';
import { useLang } from '../catalogue/use-lang.ts';
import { BreakdownView } from './breakdown-view.tsx';
import { usePackageAvailability, usePackageSlots, useQuote } from './packages-queries.ts';
import '../catalogue/toggle-chips.css';
import './price-preview.css';

/** How far ahead the preview looks for start dates with availability. */
export const PREVIEW_DAYS = 90;

const partyBands = ['adult', 'child', 'infant', 'senior'] as const;
type PartyValues = Record<(typeof partyBands)[number], number>;

const limits: PartyValues = { adult: 50, child: 50, infant: 20, senior: 50 };

function PartyPicker({ party, onChange }: { party: PartyValues; onChange: (next: PartyValues) => void }) {
  const { t } = useTranslation('packages');
  return (
    <fieldset className="party-picker" data-testid="party-picker">
      <legend className="chips-label">{t('preview.party')}</legend>
      {partyBands.map((band) => {
        const value = party[band];
        // A party needs an adult or a senior: the last one cannot be taken away.
        const min = (band === 'adult' && party.senior === 0) || (band === 'senior' && party.adult === 0) ? 1 : 0;
        return (
          <div key={band} className="party-row">
            <span>{t(`catalogue:units.${band}`)}</span>
            <span className="party-stepper">
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                aria-label={t('preview.fewer', { band: t(`catalogue:units.${band}`) })}
                disabled={value <= min}
                data-testid={`party-${band}-minus`}
                onClick={() => onChange({ ...party, [band]: value - 1 })}
              >
                −
              </button>
              <output aria-live="polite" data-testid={`party-${band}`}>
                {value}
              </output>
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                aria-label={t('preview.more', { band: t(`catalogue:units.${band}`) })}
                disabled={value >= limits[band]}
                data-testid={`party-${band}-plus`}
                onClick={() => onChange({ ...party, [band]: value + 1 })}
              >
                +
              </button>
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Start-time choices for the lines whose item has several open start times on the line's date. */
function SlotChoices({
  pkg,
  date,
  party,
  positions,
  value,
  onChoose,
}: {
  pkg: PackageView;
  date: string;
  party: PartyValues;
  positions: number[];
  value: Record<string, string>;
  onChoose: (position: number, slotId: string) => void;
}) {
  const { t } = useTranslation('packages');
  const slots = usePackageSlots(pkg, date, party, positions.length > 0);
  // The first time that fits is chosen for the partner (a preview needs a price, not a decision);
  // the list lets them price another one.
  useEffect(() => {
    for (const line of slots.data?.lines ?? []) {
      if (!positions.includes(line.position) || value[String(line.position)]) continue;
      const first = line.slots.find((slot) => slot.fits);
      if (first) onChoose(line.position, first.availabilityId);
    }
  }, [slots.data, positions, value, onChoose]);
  if (positions.length === 0) return null;
  if (slots.isPending) return <Loading />;
  if (slots.isError) return <ProblemAlert error={slots.error} />;
  return (
    <>
      {slots.data.lines
        .filter((line) => positions.includes(line.position))
        .map((line) => {
          const title = pkg.lines.find((l) => l.position === line.position)?.title ?? '';
          return (
            <label key={line.position} className="field" data-testid="slot-choice">
              <span>{t('preview.chooseSlot', { title })}</span>
              <select
                className="select"
                value={value[String(line.position)] ?? ''}
                onChange={(event) => onChoose(line.position, event.target.value)}
              >
                <option value="">{t('preview.chooseSlotPlaceholder')}</option>
                {line.slots.map((slot) => (
                  <option key={slot.availabilityId} value={slot.availabilityId} disabled={!slot.fits}>
                    {t('preview.slotOption', { time: slot.startTime, remaining: slot.remaining })}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
    </>
  );
}

function formatDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * The builder's live price: for a start date and party, the saved package quoted by the service
 * (POST /api/packages/:id/quote, which holds nothing), with the dates that have availability.
 */
export function PricePreview({ pkg, dirty }: { pkg: PackageView; dirty: boolean }) {
  const { t, i18n } = useTranslation('packages');
  const errorText = useErrorText();
  const lang = useLang();
  const today = todayIso();
  const to = addDays(today, PREVIEW_DAYS - 1);
  const [party, setParty] = useState<PartyValues>({ adult: 2, child: 0, infant: 0, senior: 0 });
  const [date, setDate] = useState('');
  const [slots, setSlots] = useState<Record<string, string>>({});
  const availability = usePackageAvailability(pkg, today, to, party as Partial<Party>);
  const bookable = useMemo(() => (availability.data?.days ?? []).filter((day) => day.bookable), [availability.data]);

  // The first date with availability, once known, unless the partner already chose one.
  useEffect(() => {
    if (!date && bookable[0]) setDate(bookable[0].date);
  }, [bookable, date]);

  const body: QuoteBody | null = /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date, party, slots, lang } : null;
  const quote = useQuote(pkg, body);
  const problem = quote.isError && isApiError(quote.error) ? quote.error : null;
  const slotLines = (problem?.fieldErrors ?? [])
    .filter((field) => field.code === 'slot_required')
    .map((field) => Number(field.path.split('.')[1]))
    .filter((position) => Number.isInteger(position));
  const affected = (problem?.fieldErrors ?? [])
    .map((field) => /^lines\.(\d+)/.exec(field.path))
    .filter((match): match is RegExpExecArray => !!match)
    .map((match) => pkg.lines.find((line) => line.position === Number(match[1]))?.title)
    .filter((title): title is string => !!title);
  const choose = useCallback(
    (position: number, slotId: string) => setSlots((current) => ({ ...current, [String(position)]: slotId })),
    [],
  );
  const slotPositions = [...new Set([...slotLines, ...Object.keys(slots).map(Number)])].sort((a, b) => a - b);
  const ownLines = pkg.lines.filter((line) => !line.bundled);
  const noDates = availability.isSuccess && bookable.length === 0;
  const chosenDay = availability.data?.days.find((day) => day.date === date && day.bookable);

  return (
    <section className="card stack price-preview" aria-labelledby="preview-title" data-testid="price-preview">
      <div>
        <h3 id="preview-title" style={{ margin: 0 }}>
          {t('preview.title')}
        </h3>
        <p className="field-hint" style={{ margin: 0 }}>
          {t('preview.hint')}
        </p>
      </div>
      {dirty && (
        <p className="alert alert-warning" role="note" data-testid="preview-dirty" style={{ margin: 0 }}>
          {t('preview.unsaved')}
        </p>
      )}
      <PartyPicker
        party={party}
        onChange={(next) => {
          setParty(next);
          setSlots({});
        }}
      />
      <TextField
        label={t('preview.date')}
        type="date"
        value={date}
        min={today}
        testId="preview-date"
        onChange={(event) => {
          setDate(event.target.value);
          setSlots({});
        }}
      />
      {availability.isPending ? (
        <Loading label={t('preview.loadingDates')} />
      ) : availability.isError ? (
        <ProblemAlert error={availability.error} />
      ) : noDates ? (
        <div className="alert alert-warning" role="note" data-testid="preview-no-dates">
          <p className="alert-title">{t('preview.noDatesTitle', { days: PREVIEW_DAYS })}</p>
          <p style={{ margin: 0 }}>{t('preview.noDatesBody')}</p>
          {ownLines.length > 0 && (
            <ul className="preview-links">
              {ownLines.map((line) => (
                <li key={line.position}>
                  <Link to={`/partner/catalogue/${line.itemId}/availability`}>
                    {t('preview.openCalendar', { title: line.title })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {pkg.lines.some((line) => line.bundled) && <p style={{ margin: 0 }}>{t('preview.noDatesBundled')}</p>}
        </div>
      ) : (
        <div>
          <span className="chips-label">{t('preview.nextDates')}</span>
          <ul className="plain-list row preview-dates" data-testid="preview-dates">
            {bookable.slice(0, 6).map((day) => (
              <li key={day.date}>
                <button
                  type="button"
                  className="tag-toggle"
                  aria-pressed={day.date === date}
                  title={t('preview.fits', { count: day.available })}
                  onClick={() => {
                    setDate(day.date);
                    setSlots({});
                  }}
                >
                  {formatDay(day.date, i18n.language)}
                </button>
              </li>
            ))}
          </ul>
          {chosenDay && (
            <p className="field-hint" style={{ margin: 'var(--space-1) 0 0' }} data-testid="preview-fits">
              {t('preview.fits', { count: chosenDay.available })}
            </p>
          )}
        </div>
      )}
      {body && (
        <SlotChoices pkg={pkg} date={date} party={party} positions={slotPositions} value={slots} onChoose={choose} />
      )}
      {!body ? (
        !noDates && <p className="muted">{t('preview.pickDate')}</p>
      ) : quote.isPending ? (
        <Loading label={t('preview.pricing')} />
      ) : quote.isError ? (
        <div className="stack" data-testid="preview-error">
          {slotLines.length === 0 && <ProblemAlert error={quote.error} />}
          {affected.length > 0 && slotLines.length === 0 && (
            <p className="muted" style={{ margin: 0 }}>
              {t('preview.affected', { titles: [...new Set(affected)].join(', ') })}
            </p>
          )}
          {problem?.code === 'package_item_unavailable' && (
            <p className="muted">{errorText('package_item_unavailable')}</p>
          )}
        </div>
      ) : (
        <div className="stack" style={{ opacity: quote.isFetching ? 0.6 : 1 }}>
          <p className="preview-total" data-testid="preview-total">
            <span>{t('preview.totalFor', { date: formatDay(quote.data.date, i18n.language) })}</span>
            <strong>
              {formatMinor(quote.data.breakdown.totalMinor, quote.data.breakdown.currency, i18n.language)}
            </strong>
          </p>
          <BreakdownView breakdown={quote.data.breakdown} sellerPartnerId={pkg.partnerId} rules={pkg.discountRules} />
          <p className="muted" style={{ margin: 0 }} data-testid="preview-refund">
            {t('preview.refundNow', { percent: quote.data.refundPercentNow })}
          </p>
        </div>
      )}
    </section>
  );
}
