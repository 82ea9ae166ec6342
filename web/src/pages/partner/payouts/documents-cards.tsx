import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadInvoice, downloadStatement, type DocumentFormat } from '../../../api/billing-api.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { saveBlob } from '../../../lib/files.ts';
import { useLang } from '../catalogue/use-lang.ts';
import { formatDate, formatMinor, formatPeriod } from './payout-format.ts';
import { useInvoices } from './payouts-queries.ts';

/** yyyy-mm-dd of a local calendar day. */
function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A statement of the partner's bookings, transfers, refunds and fees for a period, as CSV or PDF. */
export function StatementsCard() {
  const { t } = useTranslation('billing');
  const lang = useLang();
  const today = new Date();
  const [from, setFrom] = useState(() => isoDay(new Date(today.getFullYear(), today.getMonth(), 1)));
  const [to, setTo] = useState(() => isoDay(today));
  const invalid = !from || !to || from > to;
  const download = useMutation({
    mutationFn: (format: DocumentFormat) => downloadStatement(from, to, format, lang),
    onSuccess: (blob, format) => saveBlob(blob, `${t('payouts.statements.fileName')}-${from}-${to}.${format}`),
  });
  return (
    <section className="card card-wide" aria-labelledby="statements-title" data-testid="statements-card">
      <h2 id="statements-title">{t('payouts.statements.title')}</h2>
      <p className="muted card-lead">{t('payouts.statements.subtitle')}</p>
      <div className="statement-period">
        <div className="field">
          <label htmlFor="statement-from">{t('payouts.statements.from')}</label>
          <input
            id="statement-from"
            type="date"
            className="input"
            value={from}
            max={to || undefined}
            data-testid="statement-from"
            onChange={(event) => setFrom(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="statement-to">{t('payouts.statements.to')}</label>
          <input
            id="statement-to"
            type="date"
            className="input"
            value={to}
            min={from || undefined}
            data-testid="statement-to"
            aria-invalid={invalid}
            onChange={(event) => setTo(event.target.value)}
          />
        </div>
      </div>
      {invalid && <p className="field-error">{t('errors:invalid_period')}</p>}
      <div className="row">
        {(['csv', 'pdf'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="btn btn-secondary btn-sm"
            data-testid={`statement-${format}`}
            disabled={invalid || download.isPending}
            onClick={() => download.mutate(format)}
          >
            <span aria-hidden="true">⤓</span> {t(`payouts.statements.download_${format}`)}
          </button>
        ))}
      </div>
      <ProblemAlert error={download.error} />
    </section>
  );
}

/** The platform's invoices to the partner (its fees), each downloadable as PDF or CSV. */
export function InvoicesCard() {
  const { t, i18n } = useTranslation('billing');
  const lang = useLang();
  const invoices = useInvoices();
  const rows = invoices.data ?? [];
  const download = useMutation({
    mutationFn: ({ id, format }: { id: string; number: string; format: DocumentFormat }) =>
      downloadInvoice(id, format, lang),
    onSuccess: (blob, { number, format }) => saveBlob(blob, `${number.replace(/[^\w.-]+/g, '-')}.${format}`),
  });
  const money = (minor: number, currency: string) => formatMinor(minor, currency, i18n.language);
  return (
    <section className="card card-wide" aria-labelledby="invoices-title" data-testid="invoices-card">
      <h2 id="invoices-title">{t('payouts.invoices.title')}</h2>
      <p className="muted card-lead">{t('payouts.invoices.subtitle')}</p>
      {invoices.isPending && <Loading />}
      <ProblemAlert error={invoices.error} />
      {invoices.data && rows.length === 0 && (
        <div className="money-empty" data-testid="invoices-empty">
          <p className="money-empty-title">{t('payouts.invoices.emptyTitle')}</p>
          <p className="muted">{t('payouts.invoices.emptyBody')}</p>
        </div>
      )}
      {rows.length > 0 && (
        <table className="table money-table" data-testid="invoices-table">
          <thead>
            <tr>
              <th scope="col">{t('payouts.invoices.number')}</th>
              <th scope="col">{t('payouts.invoices.period')}</th>
              <th scope="col" className="num">
                {t('payouts.invoices.net')}
              </th>
              <th scope="col" className="num">
                {t('payouts.invoices.vat')}
              </th>
              <th scope="col" className="num">
                {t('payouts.invoices.total')}
              </th>
              <th scope="col">{t('payouts.invoices.issued')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('payouts.invoices.download')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="invoice-row">
                <td data-label={t('payouts.invoices.number')} className="mono">
                  {row.number}
                </td>
                <td data-label={t('payouts.invoices.period')}>
                  {formatPeriod(row.periodStart, row.periodEnd, i18n.language)}
                </td>
                <td className="num" data-label={t('payouts.invoices.net')}>
                  {money(row.netMinor, row.currency)}
                </td>
                <td className="num" data-label={t('payouts.invoices.vat')}>
                  {money(row.vatMinor, row.currency)}
                </td>
                <td className="num" data-label={t('payouts.invoices.total')}>
                  <strong>{money(row.totalMinor, row.currency)}</strong>
                </td>
                <td data-label={t('payouts.invoices.issued')}>{formatDate(row.issuedAt, i18n.language)}</td>
                <td className="money-actions">
                  {(['pdf', 'csv'] as const).map((format) => (
                    <button
                      key={format}
                      type="button"
                      className="btn btn-ghost btn-sm"
                      disabled={download.isPending}
                      aria-label={t(`payouts.invoices.download_${format}`, { number: row.number })}
                      onClick={() => download.mutate({ id: row.id, number: row.number, format })}
                    >
                      ⤓ {format.toUpperCase()}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemAlert error={download.error} />
    </section>
  );
}
