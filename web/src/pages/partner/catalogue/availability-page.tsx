import type { ItemView, MyPartner, UnitCode } from '@contracts/http';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/api-error.ts';
import { SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useErrorText } from '../../../lib/use-error-text.ts';
import { WithMyPartner } from '../with-my-partner.tsx';
import { catalogueAccess } from './access.tsx';
import {
  addDays,
  bulkBody,
  dayTone,
  emptyBulkValues,
  monthGrid,
  monthOf,
  monthRange,
  mondayFirst,
  shiftMonth,
  summariseDays,
  todayIso,
  type BulkValues,
  type DaySummary,
  type Month,
} from './availability-values.ts';
import { useAvailability, useBulkAvailability, useItem } from './catalogue-queries.ts';
import { formatMinor } from './money.ts';
import { StatusBadge } from './status-badge.tsx';
import { useLang } from './use-lang.ts';
import './availability-page.css';
import './toggle-chips.css';

function Errors({ codes }: { codes: string[] | undefined }) {
  const errorText = useErrorText();
  if (!codes?.length) return null;
  return (
    <ul className="field-error">
      {codes.map((code) => (
        <li key={code}>{errorText(code)}</li>
      ))}
    </ul>
  );
}

function weekdayNames(language: string, style: 'short' | 'long'): Record<number, string> {
  const names: Record<number, string> = {};
  // 2023-01-01 was a Sunday.
  for (let day = 0; day < 7; day += 1) {
    names[day] = new Intl.DateTimeFormat(language, { weekday: style, timeZone: 'UTC' }).format(
      new Date(Date.UTC(2023, 0, 1 + day)),
    );
  }
  return names;
}

function formatDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

function CalendarGrid({
  month,
  days,
  selected,
  today,
  onSelect,
}: {
  month: Month;
  days: Map<string, DaySummary>;
  selected: string | null;
  today: string;
  onSelect: (date: string) => void;
}) {
  const { t, i18n } = useTranslation('catalogue');
  const short = weekdayNames(i18n.language, 'short');
  const long = weekdayNames(i18n.language, 'long');
  return (
    <table className="calendar" data-testid="availability-calendar">
      <thead>
        <tr>
          {mondayFirst.map((day) => (
            <th key={day} scope="col" abbr={long[day]}>
              {short[day]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthGrid(month).map((week, index) => (
          <tr key={index}>
            {week.map((date, column) => {
              if (!date) return <td key={`blank-${column}`} className="calendar-blank" />;
              const day = days.get(date);
              const tone = dayTone(day);
              const label =
                tone === 'none'
                  ? t('calendar.dayNone')
                  : tone === 'closed'
                    ? t('calendar.dayClosed')
                    : t('calendar.dayRemaining', {
                        remaining: formatNumber(day!.remaining, i18n.language),
                        capacity: formatNumber(day!.capacity, i18n.language),
                      });
              return (
                <td key={date}>
                  <button
                    type="button"
                    className={`calendar-day calendar-${tone}`}
                    aria-pressed={selected === date}
                    aria-label={`${formatDay(date, i18n.language)}: ${label}`}
                    data-testid={`day-${date}`}
                    data-tone={tone}
                    data-past={date < today || undefined}
                    onClick={() => onSelect(date)}
                  >
                    <span className="calendar-date">{Number(date.slice(8))}</span>
                    {tone === 'closed' ? (
                      <span className="calendar-figure">{t('calendar.closedShort')}</span>
                    ) : day ? (
                      <span className="calendar-figure">
                        {day.remaining}/{day.capacity}
                      </span>
                    ) : null}
                    {day?.priced && <span className="calendar-priced" aria-hidden="true" />}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayDetail({ item, day, date }: { item: ItemView; day: DaySummary | undefined; date: string }) {
  const { t, i18n } = useTranslation('catalogue');
  return (
    <section className="card stack day-detail" aria-live="polite" data-testid="day-detail">
      <h3 style={{ margin: 0 }}>{formatDay(date, i18n.language)}</h3>
      {!day ? (
        <p className="muted" style={{ margin: 0 }}>
          {t('calendar.noRows')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('calendar.slot')}</th>
                <th scope="col">{t('calendar.capacity')}</th>
                <th scope="col">{t('calendar.held')}</th>
                <th scope="col">{t('calendar.sold')}</th>
                <th scope="col">{t('calendar.remaining')}</th>
                <th scope="col">{t('calendar.prices')}</th>
              </tr>
            </thead>
            <tbody>
              {day.slots.map((slot) => (
                <tr key={slot.id} data-testid="day-slot">
                  <td>
                    {slot.startTime ?? t('calendar.wholeDay')}
                    {slot.closed && (
                      <>
                        {' '}
                        <span className="badge badge-danger">{t('calendar.closed')}</span>
                      </>
                    )}
                  </td>
                  <td>{slot.capacity}</td>
                  <td>{slot.held}</td>
                  <td>{slot.sold}</td>
                  <td>{slot.remaining}</td>
                  <td>
                    {Object.keys(slot.priceOverrides).length === 0
                      ? t('calendar.standardPrice')
                      : Object.entries(slot.priceOverrides)
                          .map(
                            ([code, minor]) =>
                              `${t(`units.${code as UnitCode}`)} ${formatMinor(minor, item.currency, i18n.language)}`,
                          )
                          .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function BulkForm({
  item,
  values,
  onChange,
}: {
  item: ItemView;
  values: BulkValues;
  onChange: (v: BulkValues) => void;
}) {
  const { t, i18n } = useTranslation('catalogue');
  const bulk = useBulkAvailability(item.id);
  const [errors, setErrors] = useState<Partial<Record<string, string[]>>>({});
  const [done, setDone] = useState<{ created: number; updated: number } | null>(null);
  const names = weekdayNames(i18n.language, 'short');
  const set = <K extends keyof BulkValues>(key: K, value: BulkValues[K]) => onChange({ ...values, [key]: value });
  // What the last answer said is about the values sent: any change (here or a day picked in the calendar) clears it.
  const { reset } = bulk;
  useEffect(() => {
    setErrors({});
    setDone(null);
    reset();
  }, [values, reset]);
  const slotTimes = item.capacityModel === 'slots' ? item.startTimes : [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = bulkBody(values, item.currency, slotTimes);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    bulk.mutate(result.body, {
      onSuccess: (answer) => setDone({ created: answer.created, updated: answer.updated }),
      onError: (error) => {
        if (isApiError(error) && error.fieldErrors.length) {
          const next: Partial<Record<string, string[]>> = {};
          for (const field of error.fieldErrors) {
            const key = field.path.split('.').filter((p) => p !== 'body')[0] ?? 'form';
            (next[key] ??= []).push(field.code);
          }
          setErrors(next);
        }
      },
    });
  };

  return (
    <form className="card stack" noValidate onSubmit={onSubmit} data-testid="bulk-form" aria-labelledby="bulk-title">
      <div>
        <h3 id="bulk-title" style={{ margin: 0 }}>
          {t('bulk.title')}
        </h3>
        <p className="field-hint" style={{ margin: 0 }}>
          {t('bulk.hint')}
        </p>
      </div>
      <div className="bulk-grid">
        <TextField
          label={t('bulk.from')}
          type="date"
          value={values.from}
          errors={errors.from}
          testId="bulk-from"
          onChange={(event) => set('from', event.target.value)}
        />
        <TextField
          label={t('bulk.to')}
          type="date"
          value={values.to}
          min={values.from}
          errors={errors.to}
          testId="bulk-to"
          onChange={(event) => set('to', event.target.value)}
        />
      </div>
      <div className="field">
        <span className="chips-label" id="bulk-weekdays">
          {t('bulk.weekdays')}
        </span>
        <div className="tag-toggles" role="group" aria-labelledby="bulk-weekdays">
          {mondayFirst.map((day) => {
            const on = values.weekdays.includes(day);
            return (
              <button
                key={day}
                type="button"
                className="tag-toggle"
                aria-pressed={on}
                data-testid={`bulk-weekday-${day}`}
                onClick={() =>
                  set('weekdays', on ? values.weekdays.filter((d) => d !== day) : [...values.weekdays, day])
                }
              >
                {names[day]}
              </button>
            );
          })}
        </div>
        <Errors codes={errors.weekdays} />
      </div>
      {slotTimes.length > 0 && (
        <div className="field">
          <span className="chips-label" id="bulk-times">
            {t('bulk.startTimes')}
          </span>
          <div className="tag-toggles" role="group" aria-labelledby="bulk-times">
            {slotTimes.map((time) => {
              const on = values.startTimes.includes(time);
              return (
                <button
                  key={time}
                  type="button"
                  className="tag-toggle"
                  aria-pressed={on}
                  data-testid={`bulk-time-${time}`}
                  onClick={() =>
                    set('startTimes', on ? values.startTimes.filter((x) => x !== time) : [...values.startTimes, time])
                  }
                >
                  {time}
                </button>
              );
            })}
          </div>
          <Errors codes={errors.startTimes} />
        </div>
      )}
      <div className="bulk-grid">
        <TextField
          label={item.capacityModel === 'daily' ? t('bulk.capacityDaily') : t('bulk.capacitySlot')}
          hint={t('bulk.capacityHint')}
          value={values.capacity}
          inputMode="numeric"
          errors={errors.capacity}
          testId="bulk-capacity"
          onChange={(event) => set('capacity', event.target.value)}
        />
        <SelectField
          label={t('bulk.state')}
          value={values.state}
          options={(['keep', 'open', 'close'] as const).map((value) => ({ value, label: t(`bulk.state_${value}`) }))}
          errors={errors.closed}
          testId="bulk-state"
          onChange={(event) => set('state', event.target.value as BulkValues['state'])}
        />
      </div>
      <fieldset className="bulk-prices">
        <legend className="chips-label">{t('bulk.prices', { currency: item.currency })}</legend>
        <p className="field-hint" style={{ margin: 0 }}>
          {t('bulk.pricesHint')}
        </p>
        <div className="bulk-grid">
          {item.units.map((unit) => (
            <TextField
              key={unit.code}
              label={t(`units.${unit.code}`)}
              hint={t('bulk.standardPrice', { price: formatMinor(unit.priceMinor, item.currency, i18n.language) })}
              value={values.prices[unit.code] ?? ''}
              inputMode="decimal"
              disabled={values.clearPrices}
              errors={errors[`prices.${unit.code}`]}
              testId={`bulk-price-${unit.code}`}
              onChange={(event) => set('prices', { ...values.prices, [unit.code]: event.target.value })}
            />
          ))}
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.clearPrices}
            data-testid="bulk-clear-prices"
            onChange={(event) => set('clearPrices', event.target.checked)}
          />
          <span>{t('bulk.clearPrices')}</span>
        </label>
        <Errors codes={errors.priceOverrides} />
      </fieldset>
      <Errors codes={errors.form} />
      <ProblemAlert error={bulk.error} />
      {done && (
        <p className="alert alert-success" role="status" data-testid="bulk-done">
          {t('bulk.done', { created: done.created, updated: done.updated })}
        </p>
      )}
      <button type="submit" className="btn btn-primary bulk-apply" disabled={bulk.isPending} data-testid="bulk-apply">
        {bulk.isPending && <span className="spinner spinner-sm" aria-hidden="true" />}
        {t('bulk.apply')}
      </button>
    </form>
  );
}

function Availability({ my, item }: { my: MyPartner; item: ItemView }) {
  const { t, i18n } = useTranslation('catalogue');
  const today = todayIso();
  const [month, setMonth] = useState<Month>(() => monthOf(today));
  const [selected, setSelected] = useState<string | null>(null);
  const range = monthRange(month);
  const slots = useAvailability(item.id, range.from, range.to);
  const days = useMemo(() => summariseDays(slots.data ?? []), [slots.data]);
  const canEdit = catalogueAccess(my).canWrite && item.status !== 'archived';
  const slotTimes = item.capacityModel === 'slots' ? item.startTimes : [];
  const [bulk, setBulk] = useState<BulkValues>(() => emptyBulkValues(today, addDays(today, 29), slotTimes));
  const title = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(month.year, month.month - 1, 1)),
  );
  const monthEmpty = slots.isSuccess && slots.data.length === 0;

  const select = (date: string) => {
    setSelected(date);
    if (canEdit) setBulk((values) => ({ ...values, from: date, to: date }));
  };

  return (
    <div className="stack" data-testid="availability-page">
      <Link to={`/partner/catalogue/${item.id}`} className="back-link">
        ← {t('calendar.back')}
      </Link>
      <div className="card-header">
        <div>
          <h2 style={{ margin: 0 }}>{t('calendar.title', { title: item.title })}</h2>
          <div className="row" style={{ marginTop: 'var(--space-2)' }}>
            <StatusBadge status={item.status} />
            <span className="muted">
              {item.capacityModel === 'slots'
                ? t('calendar.slotsModel', { times: item.startTimes.join(', ') || '—' })
                : t('calendar.dailyModel')}
            </span>
          </div>
        </div>
      </div>
      {!canEdit && (
        <p className="alert" role="note">
          {item.status === 'archived' ? t('editor.archivedNote') : t('access.readOnly')}
        </p>
      )}
      <div className="availability-layout">
        <section className="card stack" aria-label={t('calendar.label')}>
          <div className="calendar-nav">
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              aria-label={t('calendar.previous')}
              data-testid="month-previous"
              onClick={() => setMonth((m) => shiftMonth(m, -1))}
            >
              ‹
            </button>
            <h3 className="calendar-title" aria-live="polite" data-testid="month-title">
              {title}
              {slots.isFetching && <span className="spinner spinner-sm" aria-hidden="true" />}
            </h3>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              aria-label={t('calendar.next')}
              data-testid="month-next"
              onClick={() => setMonth((m) => shiftMonth(m, 1))}
            >
              ›
            </button>
          </div>
          {slots.isError ? (
            <ProblemAlert error={slots.error} />
          ) : slots.isPending ? (
            <Loading />
          ) : (
            <CalendarGrid month={month} days={days} selected={selected} today={today} onSelect={select} />
          )}
          <ul className="plain-list calendar-legend" aria-label={t('calendar.legend')}>
            {(['open', 'low', 'sold-out', 'closed', 'none'] as const).map((tone) => (
              <li key={tone}>
                <span className={`legend-swatch calendar-${tone}`} aria-hidden="true" />
                {t(`calendar.tone_${tone.replace('-', '_')}`)}
              </li>
            ))}
          </ul>
          {monthEmpty && (
            <p className="muted" data-testid="month-empty" style={{ margin: 0 }}>
              {canEdit ? t('calendar.monthEmptyEdit') : t('calendar.monthEmpty')}
            </p>
          )}
        </section>
        <div className="stack">
          {selected && <DayDetail item={item} day={days.get(selected)} date={selected} />}
          {canEdit && <BulkForm item={item} values={bulk} onChange={setBulk} />}
        </div>
      </div>
    </div>
  );
}

function AvailabilityLoader({ my, id }: { my: MyPartner; id: string }) {
  const lang = useLang();
  const item = useItem(id, lang);
  if (item.isPending) return <Loading />;
  if (item.isError) return <ProblemAlert error={item.error} />;
  return <Availability my={my} item={item.data} />;
}

export function ItemAvailabilityPage() {
  const { t } = useTranslation('catalogue');
  const { itemId = '' } = useParams();
  useDocumentTitle(t('calendar.documentTitle'));
  return <WithMyPartner>{(my) => <AvailabilityLoader my={my} id={itemId} />}</WithMyPartner>;
}
