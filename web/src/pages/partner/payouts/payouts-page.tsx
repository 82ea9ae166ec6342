import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { WithMyPartner } from '../with-my-partner.tsx';
import { ConnectCard } from './connect-card.tsx';
import { InvoicesCard, StatementsCard } from './documents-cards.tsx';
import { BalanceCard, PayoutsCard, TransfersCard } from './money-tables.tsx';
import './payouts-page.css';

function Payouts() {
  const { t } = useTranslation('billing');
  const [params] = useSearchParams();
  const returning = params.get('connect') === 'return';
  return (
    <div className="stack payouts-page" data-testid="partner-payouts-page">
      <div>
        <h2 style={{ margin: 0 }}>{t('payouts.title')}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t('payouts.subtitle')}
        </p>
      </div>
      <div className="payouts-grid">
        <ConnectCard returning={returning} />
        <BalanceCard />
        <TransfersCard />
        <PayoutsCard />
        <StatementsCard />
        <InvoicesCard />
      </div>
    </div>
  );
}

/** /partner/payouts — Stripe Connect, balance, transfers per booking, payouts, statements and invoices. */
export function PartnerPayoutsPage() {
  const { t } = useTranslation('billing');
  useDocumentTitle(t('payouts.title'));
  return <WithMyPartner>{() => <Payouts />}</WithMyPartner>;
}
