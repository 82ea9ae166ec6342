import type { CampaignView } from '@contracts/http';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCampaignStats } from '../../../api/campaigns-api.ts';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { retryUnlessClientError } from '../catalogue/catalogue-queries.ts';
import { formatMinor } from '../catalogue/money.ts';
import { formatCampaignDay } from './campaign-card.tsx';
import { addDaysText } from './sponsored-values.ts';

const DAYS = 7;

/** A campaign's last seven days (to today), loaded when the partner opens the disclosure. */
export function CampaignDays({ campaign }: { campaign: CampaignView }) {
  const { t, i18n } = useTranslation('sponsored');
  const [open, setOpen] = useState(false);
  const to = campaign.today.day;
  const from = addDaysText(to, -(DAYS - 1));
  const stats = useQuery({
    queryKey: ['bundling', 'campaigns', 'stats', campaign.id, from, to],
    queryFn: ({ signal }) => getCampaignStats(campaign.id, from, to, signal),
    enabled: open,
    retry: retryUnlessClientError,
  });
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  return (
    <details
      className="campaign-days"
      onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}
      data-testid="campaign-days"
    >
      <summary>{t('days.title', { count: DAYS })}</summary>
      <ProblemAlert error={stats.error} />
      {stats.data && (
        <table className="campaign-days-table">
          <thead>
            <tr>
              <th scope="col">{t('days.day')}</th>
              <th scope="col">{t('card.impressions')}</th>
              <th scope="col">{t('card.clicks')}</th>
              <th scope="col">{t('card.spend')}</th>
            </tr>
          </thead>
          <tbody>
            {[...stats.data.days].reverse().map((day) => (
              <tr key={day.day}>
                <th scope="row">{formatCampaignDay(day.day, i18n.language)}</th>
                <td>{number(day.impressions)}</td>
                <td>{number(day.clicks)}</td>
                <td>{formatMinor(day.spentMinor, stats.data.currency, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
