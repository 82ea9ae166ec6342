import type { ConnectStatus } from '../../../api/billing-api.ts';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useConnectStatus, useStartOnboarding } from './payouts-queries.ts';
import { requirementGroupsOf } from './requirements.ts';

const badgeTone: Record<ConnectStatus, string> = {
  none: 'badge badge-neutral',
  pending: 'badge badge-warning',
  restricted: 'badge badge-danger',
  enabled: 'badge badge-success',
};

function Capability({ on, label }: { on: boolean; label: string }) {
  return (
    <li className={`connect-capability${on ? ' is-on' : ''}`}>
      <span aria-hidden="true">{on ? '✓' : '○'}</span> {label}
    </li>
  );
}

/**
 * Stripe Connect: where the partner's share of each booking goes. None → set it up on Stripe's
 * hosted onboarding; pending or restricted → what Stripe still needs, in plain words, and the
 * way back to it; enabled → transfers and payouts run on their own.
 */
export function ConnectCard({ returning }: { returning: boolean }) {
  const { t } = useTranslation('billing');
  const status = useConnectStatus(returning);
  const onboard = useStartOnboarding();
  const account = status.data;
  const groups = account ? requirementGroupsOf(account.requirementsDue) : [];
  return (
    <section className="card connect-card" aria-labelledby="connect-title" data-testid="connect-card">
      <div className="card-header" style={{ marginBottom: 0 }}>
        <div>
          <h2 id="connect-title" style={{ margin: 0 }}>
            {t('payouts.connect.title')}
          </h2>
          <p className="muted" style={{ margin: 0 }}>
            {t('payouts.connect.subtitle')}
          </p>
        </div>
        {account && (
          <span className={badgeTone[account.status]} data-testid="connect-status" data-status={account.status}>
            {account.status === 'enabled' && <span aria-hidden="true">✓</span>}
            {t(`payouts.connect.status.${account.status}`)}
          </span>
        )}
      </div>
      {status.isPending && <Loading />}
      <ProblemAlert error={status.error} />
      {account?.status === 'none' && <p style={{ margin: 0 }}>{t('payouts.connect.noneBody')}</p>}
      {account && account.status !== 'none' && account.status !== 'enabled' && (
        <div className="stack connect-due">
          <p style={{ margin: 0 }}>
            {account.status === 'restricted' ? t('payouts.connect.restrictedBody') : t('payouts.connect.pendingBody')}
          </p>
          {groups.length > 0 ? (
            <div>
              <p className="connect-due-title">{t('payouts.connect.dueTitle')}</p>
              <ul className="connect-due-list" data-testid="connect-requirements">
                {groups.map((group) => (
                  <li key={group}>{t(`payouts.connect.requirement.${group}`)}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted" style={{ margin: 0 }}>
              {t('payouts.connect.reviewing')}
            </p>
          )}
        </div>
      )}
      {account?.status === 'enabled' && (
        <p className="connect-enabled" data-testid="connect-enabled">
          <span aria-hidden="true">✓</span> {t('payouts.connect.enabledBody')}
        </p>
      )}
      {account && account.status !== 'none' && (
        <ul className="plain-list connect-capabilities">
          <Capability on={account.transfersEnabled} label={t('payouts.connect.transfers')} />
          <Capability on={account.payoutsEnabled} label={t('payouts.connect.payouts')} />
        </ul>
      )}
      {returning && account && account.status !== 'enabled' && (
        <p className="field-hint" style={{ margin: 0 }} data-testid="connect-returned">
          {t('payouts.connect.returned')}
        </p>
      )}
      {account && account.status !== 'enabled' && (
        <div className="row">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="connect-onboard"
            disabled={onboard.isPending || onboard.isSuccess}
            onClick={() => onboard.mutate()}
          >
            {onboard.isPending || onboard.isSuccess
              ? t('payouts.connect.opening')
              : account.status === 'none'
                ? t('payouts.connect.setUp')
                : t('payouts.connect.continue')}
          </button>
          <span className="field-hint">{t('payouts.connect.stripeHint')}</span>
        </div>
      )}
      <ProblemAlert error={onboard.error} />
    </section>
  );
}
