import { campaignStatuses, rejectCampaignSchema, type AdminCampaign, type CampaignStatus } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { SelectField } from '../../../components/ui/form-fields.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { formatMinor } from '../../partner/catalogue/money.ts';
import { useLang } from '../../partner/catalogue/use-lang.ts';
import { CampaignStatusBadge, formatCampaignDay } from '../../partner/sponsored/campaign-card.tsx';
import { ReasonForm } from '../reason-form.tsx';
import { useCampaignQueue, useReviewCampaign } from './campaigns-queries.ts';
import '../../partner/sponsored/sponsored.css';

function reasonErrors(reason: string): string[] {
  const parsed = rejectCampaignSchema.safeParse({ reason });
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

function QueueCard({
  campaign,
  pending,
  onApprove,
  onReject,
}: {
  campaign: AdminCampaign;
  pending: boolean;
  onApprove: () => void;
  onReject: (reason: string) => void;
}) {
  const { t, i18n } = useTranslation('sponsored');
  const [rejecting, setRejecting] = useState(false);
  const money = (minor: number) => formatMinor(minor, campaign.currency, i18n.language);
  const targeting = [...campaign.keywords, ...campaign.destinations];
  return (
    <li className="card campaign-card" data-testid="admin-campaign" data-status={campaign.status}>
      <div className="row campaign-card-head">
        <CampaignStatusBadge status={campaign.status} />
        <span className="badge badge-neutral">{t(`kind.${campaign.targetKind}`)}</span>
      </div>
      <h3 className="campaign-card-title">{campaign.targetTitle}</h3>
      <p className="muted campaign-card-target">
        {t('admin.by', { partner: campaign.partnerName })}
        {campaign.title ? ` · ${campaign.title}` : ''}
      </p>
      <ul className="plain-list campaign-chips" aria-label={t('card.targeting')}>
        {targeting.map((term) => (
          <li key={term} className="badge badge-neutral">
            {term}
          </li>
        ))}
      </ul>
      <p className="muted campaign-card-meta">
        {t('card.dates', {
          from: formatCampaignDay(campaign.startsOn, i18n.language),
          to: formatCampaignDay(campaign.endsOn, i18n.language),
        })}{' '}
        · {t('card.money', { cpc: money(campaign.cpcMinor), budget: money(campaign.dailyBudgetMinor) })}
      </p>
      {campaign.reviewReason && <p className="muted">{t('card.rejected', { reason: campaign.reviewReason })}</p>}
      {campaign.status === 'pending_review' &&
        (rejecting ? (
          <ReasonForm
            label={t('admin.reason')}
            hint={t('admin.reasonHint')}
            confirmLabel={t('admin.reject')}
            fieldTestId="campaign-reject-reason"
            confirmTestId="campaign-reject-confirm"
            pending={pending}
            validate={reasonErrors}
            onConfirm={onReject}
            onCancel={() => setRejecting(false)}
          />
        ) : (
          <div className="row campaign-form-actions">
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={pending}
              data-testid="campaign-approve"
              onClick={onApprove}
            >
              {t('admin.approve')}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              disabled={pending}
              data-testid="campaign-reject"
              onClick={() => setRejecting(true)}
            >
              {t('admin.reject')}
            </button>
          </div>
        ))}
    </li>
  );
}

/** Admin → Campaigns: the review queue of sponsored campaigns (and the decided ones by status). */
export function AdminCampaignsPage() {
  const { t } = useTranslation('sponsored');
  useDocumentTitle(t('admin.title'));
  const lang = useLang();
  const [status, setStatus] = useState<CampaignStatus>('pending_review');
  const [approving, setApproving] = useState<AdminCampaign | null>(null);
  const queue = useCampaignQueue(status, lang);
  const review = useReviewCampaign();

  return (
    <div className="stack" data-testid="admin-campaigns-page">
      <Link to="/admin" className="back-link">
        {t('admin.back')}
      </Link>
      <PageHeader title={t('admin.title')} subtitle={t('admin.subtitle')} />
      <div className="campaign-filter">
        <SelectField
          label={t('admin.filterStatus')}
          value={status}
          options={campaignStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
          testId="admin-campaigns-status"
          onChange={(event) => setStatus(event.target.value as CampaignStatus)}
        />
      </div>
      <ProblemAlert error={review.error} />
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ProblemAlert error={queue.error} />
      ) : queue.data.items.length === 0 ? (
        <section className="empty-state" data-testid="admin-campaigns-empty">
          <h2>{status === 'pending_review' ? t('admin.emptyTitle') : t('admin.noneTitle')}</h2>
          <p className="muted">{t('admin.emptyBody')}</p>
        </section>
      ) : (
        <ul className="plain-list campaign-grid" data-testid="admin-campaign-list">
          {queue.data.items.map((campaign) => (
            <QueueCard
              key={campaign.id}
              campaign={campaign}
              pending={review.isPending}
              onApprove={() => setApproving(campaign)}
              onReject={(reason) => review.mutate({ id: campaign.id, approve: false, reason })}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={!!approving}
        title={t('admin.approveTitle')}
        confirmLabel={t('admin.approve')}
        testId="campaign-approve-dialog"
        pending={review.isPending}
        onCancel={() => setApproving(null)}
        onConfirm={() =>
          approving && review.mutate({ id: approving.id, approve: true }, { onSettled: () => setApproving(null) })
        }
      >
        <p>
          {t('admin.approveBody', {
            title: approving?.targetTitle ?? '',
            partner: approving?.partnerName ?? '',
          })}
        </p>
      </ConfirmDialog>
    </div>
  );
}
