import type { Party } from '@contracts/http';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { usePackageAvailability } from './packages-queries.ts';
import { addDays, formatDay } from './traveller-format.ts';
import './availability-calendar.css';

/** How far ahead the calendar goes (the demo catalogue opens 120 days). */
const MONTHS_AHEAD = 12;
/** A month without a start date moves the first view on, at most this many times. */
const AUTO_ADVANCE = 4;
/** At or below this, a day says how many more parties fit. */
const FEW = 3;

const monthStart = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;

function nextMonth(first: string, step: number): string {
  const date = new Date(`${first}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + step);
  return date.toISOString().slice(0, 10);
}

function monthEnd(first: string): string {
  return addDays(nextMonth(first, 1), -1);
}

/** Monday first: 0 for a Monday … 6 for a Sunday. */
function weekdayIndex(isoDate: string): number {
  return (new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7;
}

interface CalendarProps {
  packageId: string;
  party: Party;
  today: string;
  selected: string | null;
  onSelect: (date: string) => void;
}

/**
 * A month of start dates for the chosen party (GET /api/packages/:id/availability): days it can
 * start are buttons, the others are shown but disabled; few places left are said.
 */
export function AvailabilityCalendar({ packageId, party, today, selected, onSelect }: CalendarProps) {
  const { t, i18n } = useTranslation('booking');
  const first = monthStart(today);
  const [month, setMonth] = useState(() => (selected ? monthStart(selected) : first));
  const last = nextMonth(first, MONTHS_AHEAD);
  const from = month < today ? today : month;
  const to = monthEnd(month);
  const query = usePackageAvailability(packageId, from, to, party, to >= today);
  const byDate = useMemo(() => new Map((query.data?.days ?? []).map((day) => [day.date, day])), [query.data]);

  // A first view without any start date moves on by itself (a package may open next month).
  const advanced = useRef(0);
  const touched = useRef(false);
  const monthHasData = query.data?.days.some((day) => day.date >= from && day.date <= to) ?? false;
  const anyBookable = query.data?.days.some((day) => day.bookable && day.date >= from && day.date <= to) ?? false;
  useEffect(() => {
    if (touched.current || !monthHasData || anyBookable || query.isFetching) return;
    if (advanced.current >= AUTO_ADVANCE || month >= last) return;
    advanced.current += 1;
    setMonth(nextMonth(month, 1));
  }, [monthHasData, anyBookable, query.isFetching, month, last]);

  const go = (step: number) => {
    touched.current = true;
    setMonth(nextMonth(month, step));
  };

  // "diciembre de 2026" → "Diciembre de 2026": only the first letter (CSS capitalize would give "De").
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}T00:00:00Z`),
  );
  const monthTitle = `${monthName.charAt(0).toLocaleUpperCase(i18n.language)}${monthName.slice(1)}`;
  // 2024-01-01 was a Monday: the week's short names in the UI language.
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1 + i)),
    ),
  );
  const days: string[] = [];
  for (let day = month; day <= to; day = addDays(day, 1)) days.push(day);
  const lead = weekdayIndex(month);

  return (
    <section className="calendar" aria-labelledby="calendar-title" data-testid="availability-calendar">
      <div className="calendar-head">
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={() => go(-1)}
          disabled={month <= first}
          aria-label={t('calendar.previous')}
          data-testid="calendar-prev"
        >
          ‹
        </button>
        <h3 id="calendar-title" aria-live="polite">
          {monthTitle}
        </h3>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={() => go(1)}
          disabled={month >= last}
          aria-label={t('calendar.next')}
          data-testid="calendar-next"
        >
          ›
        </button>
      </div>
      <div className="calendar-grid" role="group" aria-busy={query.isFetching} aria-labelledby="calendar-title">
        <div className="calendar-row" aria-hidden="true">
          {weekdays.map((name) => (
            <span key={name} className="calendar-weekday">
              {name}
            </span>
          ))}
        </div>
        <div className="calendar-days">
          {Array.from({ length: lead }, (_, i) => (
            <span key={`lead-${i}`} className="calendar-blank" />
          ))}
          {days.map((date) => {
            const info = byDate.get(date);
            const bookable = !!info?.bookable && date >= today;
            const few = bookable && info!.available <= FEW;
            const label = [
              formatDay(date, i18n.language, 'full'),
              bookable
                ? few
                  ? t('calendar.fewLeft', { count: info!.available })
                  : t('calendar.available')
                : t('calendar.unavailable'),
            ].join(', ');
            return (
              <span key={date}>
                <button
                  type="button"
                  className={`calendar-day${bookable ? ' is-bookable' : ''}${selected === date ? ' is-selected' : ''}`}
                  disabled={!bookable}
                  aria-pressed={selected === date}
                  aria-label={label}
                  data-testid={`calendar-day-${date}`}
                  onClick={() => onSelect(date)}
                >
                  <span>{formatNumber(Number(date.slice(8)), i18n.language)}</span>
                  {few && <small>{t('calendar.left', { count: info!.available })}</small>}
                </button>
              </span>
            );
          })}
        </div>
      </div>
      {query.isError && <ProblemAlert error={query.error} />}
      {query.isSuccess && !query.isFetching && !anyBookable && (
        <p className="muted calendar-note" data-testid="calendar-none">
          {t('calendar.noneThisMonth')}
        </p>
      )}
      <p className="field-hint calendar-note">{t('calendar.hint')}</p>
    </section>
  );
}
