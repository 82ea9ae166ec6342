import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queueStatuses, type QueueStatus } from '../../api/verification-api.ts';
import './queue-status-tabs.css';

interface QueueStatusTabsProps {
  value: QueueStatus;
  onChange: (status: QueueStatus) => void;
  panelId: string;
}

/** ARIA tabs: arrow keys move between statuses, only the selected tab is in the tab order. */
export function QueueStatusTabs({ value, onChange, panelId }: QueueStatusTabsProps) {
  const { t } = useTranslation('verification');
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + queueStatuses.length) % queueStatuses.length;
    const status = queueStatuses[next];
    if (!status) return;
    onChange(status);
    refs.current[next]?.focus();
  };

  return (
    <div className="status-tabs" role="tablist" aria-label={t('queue.tabsLabel')}>
      {queueStatuses.map((status, index) => (
        <button
          key={status}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          role="tab"
          className="status-tab"
          aria-selected={status === value}
          aria-controls={panelId}
          tabIndex={status === value ? 0 : -1}
          data-testid={`admin-status-tab-${status}`}
          onClick={() => onChange(status)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {t(`statuses.${status}`)}
        </button>
      ))}
    </div>
  );
}
