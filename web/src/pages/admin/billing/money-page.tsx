import { useRef, type ComponentType, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { DisputesPanel } from './disputes-panel.tsx';
import { FeePanel } from './fee-panel.tsx';
import { MoneyAuditPanel } from './money-audit-panel.tsx';
import { ReconciliationPanel } from './reconciliation-panel.tsx';
import './money-page.css';

const tabs = ['reconciliation', 'disputes', 'audit', 'fees'] as const;
type Tab = (typeof tabs)[number];

const isTab = (value: string | null): value is Tab => !!value && (tabs as readonly string[]).includes(value);

const panels: Record<Tab, ComponentType> = {
  reconciliation: ReconciliationPanel,
  disputes: DisputesPanel,
  audit: MoneyAuditPanel,
  fees: FeePanel,
};

/**
 * The admin's money oversight: reconciliation of the ledger with Stripe, disputes, the money
 * audit log and the platform fee. The tab is in the URL, so each section can be linked to.
 */
export function MoneyPage() {
  const { t } = useTranslation('billing-admin');
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'reconciliation';
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  useDocumentTitle(t('title'));

  const select = (next: Tab) => setParams(next === 'reconciliation' ? {} : { tab: next }, { replace: true });
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + tabs.length) % tabs.length;
    select(tabs[next]!);
    refs.current[next]?.focus();
  };
  const Panel = panels[tab];

  return (
    <div className="stack money-page">
      <Link to="/admin" className="back-link">
        ← {t('backToAdmin')}
      </Link>
      <header>
        <h1 className="page-title">{t('title')}</h1>
        <p className="lead">{t('subtitle')}</p>
      </header>
      <div className="money-tabs" role="tablist" aria-label={t('tabsLabel')}>
        {tabs.map((name, index) => (
          <button
            key={name}
            ref={(element) => {
              refs.current[index] = element;
            }}
            id={`money-tab-${name}`}
            type="button"
            role="tab"
            className="money-tab"
            aria-selected={name === tab}
            aria-controls="money-panel"
            tabIndex={name === tab ? 0 : -1}
            data-testid={`money-tab-${name}`}
            onClick={() => select(name)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div id="money-panel" role="tabpanel" aria-labelledby={`money-tab-${tab}`}>
        <Panel />
      </div>
    </div>
  );
}
