import type { CampaignStatus, CampaignView } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinor } from '../catalogue/money.ts';
import { CampaignDays } from './campaign-days.tsx';
import { CampaignEditForm } from './campaign-edit-form.tsx';

const tone: Record<CampaignStatus, string> = {
  pending_review: 'badge-warning',
  approved: 'badge-success',
  rejected: 'badge-danger',
  paused: 'badge-neutral',
  ended: 'badge-neutral',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation('sponsored');
  return (
    <span className={`badge ${tone[status]}`} data-testid="campaign-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/** A campaign date (yyyy-mm-dd) in the portal's language. */
export function formatCampaignDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** One figure of the campaign's counters. */
function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="campaign-figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** A campaign: status, target, targeting, dates and money, today's and all-time figures, pause / resume. */
export function CampaignCard({
  campaign,
  canWrite,
  busy,
  onPause,
}: {
  campaign: CampaignView;
  canWrite: boolean;
  busy: boolean;
  onPause: (paused: boolean) => void;
}) {
  const { t, i18n } = useTranslation('sponsored');
  const language = i18n.language;
  const money = (minor: number) => formatMinor(minor, campaign.currency, language);
  const number = (n: number) => new Intl.NumberFormat(language).format(n);
  const day = (iso: string) => formatCampaignDay(iso, language);
  const targeting = [...campaign.keywords, ...campaign.destinations];
  const [editing, setEditing] = useState(false);
  const canPause = canWrite && (campaign.status === 'approved' || campaign.status === 'paused');
  const canEdit = canWrite && campaign.status !== 'ended';
  return (
    <li
      className={`card campaign-card${editing ? ' is-editing' : ''}`}
      data-testid="campaign-card"
      data-status={campaign.status}
    >
      <div className="row campaign-card-head">
        <CampaignStatusBadge status={campaign.status} />
        <span className="badge badge-neutral">{t(`kind.${campaign.targetKind}`)}</span>
      </div>
      <h3 className="campaign-card-title">{campaign.title || campaign.targetTitle}</h3>
      {campaign.title && <p className="muted campaign-card-target">{campaign.targetTitle}</p>}
      <ul className="plain-list campaign-chips" aria-label={t('card.targeting')}>
        {targeting.map((term) => (
          <li key={term} className="badge badge-neutral">
            {term}
          </li>
        ))}
      </ul>
      <p className="muted campaign-card-meta">
        {t('card.dates', { from: day(campaign.startsOn), to: day(campaign.endsOn) })} ·{' '}
        {t('card.money', { cpc: money(campaign.cpcMinor), budget: money(campaign.dailyBudgetMinor) })}
      </p>
      {campaign.status === 'rejected' && campaign.reviewReason && (
        <p className="alert alert-warning" data-testid="campaign-reason">
          {t('card.rejected', { reason: campaign.reviewReason })}
        </p>
      )}
      <h4 className="campaign-figures-title">{t('card.today')}</h4>
      <dl className="campaign-figures">
        <Figure
          label={t('card.impressions')}
          value={number(campaign.today.impressions)}
          testId="campaign-impressions-today"
        />
        <Figure label={t('card.clicks')} value={number(campaign.today.clicks)} testId="campaign-clicks-today" />
        <Figure label={t('card.spend')} value={money(campaign.today.spentMinor)} testId="campaign-spend-today" />
        <Figure
          label={t('card.remaining')}
          value={money(campaign.today.remainingMinor)}
          testId="campaign-remaining-today"
        />
      </dl>
      <h4 className="campaign-figures-title">{t('card.total')}</h4>
      <dl className="campaign-figures">
        <Figure label={t('card.impressions')} value={number(campaign.total.impressions)} />
        <Figure label={t('card.clicks')} value={number(campaign.total.clicks)} />
        <Figure label={t('card.spend')} value={money(campaign.total.spentMinor)} />
      </dl>
      <CampaignDays campaign={campaign} />
      {editing && <CampaignEditForm campaign={campaign} onDone={() => setEditing(false)} />}
      {(canPause || canEdit) && !editing && (
        <div className="row">
          {canPause && (
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              disabled={busy}
              data-testid={campaign.status === 'approved' ? 'campaign-pause' : 'campaign-resume'}
              onClick={() => onPause(campaign.status === 'approved')}
            >
              {campaign.status === 'approved' ? t('card.pause') : t('card.resume')}
            </button>
          )}
          {canEdit && (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              data-testid="campaign-edit"
              onClick={() => setEditing(true)}
            >
              {t('card.edit')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
