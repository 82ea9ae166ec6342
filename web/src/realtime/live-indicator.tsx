import { motion } from 'framer-motion';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/use-auth.ts';
import { Popover } from '../components/layout/popover.tsx';
import { useDismiss } from '../components/layout/use-dismiss.ts';
import { formatTime } from '../lib/format.ts';
import { useEventText } from './event-text.ts';
import { useLive } from './live-context.ts';
import './live-indicator.css';

/** Header badge showing the /ws state; opens the list of recently received events. */
export function LiveIndicator() {
  const { t, i18n } = useTranslation('common');
  const { isAuthenticated } = useAuth();
  const { state, events, clearEvents } = useLive();
  const describe = useEventText();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);

  const stateText = t(`live.state.${state}`);
  const label = isAuthenticated ? t('live.label', { state: stateText }) : t('live.signedOut');

  return (
    <div className="user-menu" ref={ref}>
      <button
        type="button"
        className="btn btn-ghost live-indicator"
        data-testid="live-indicator"
        data-state={state}
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((v) => !v)}
      >
        <motion.span
          className="live-dot"
          aria-hidden="true"
          animate={state === 'connecting' ? { opacity: [1, 0.3, 1] } : { opacity: 1 }}
          transition={state === 'connecting' ? { repeat: Infinity, duration: 1.2 } : { duration: 0.2 }}
        />
        <span className="live-label" aria-hidden="true">
          {stateText}
        </span>
      </button>
      <Popover open={open} role="dialog" label={t('live.activityTitle')} className="live-panel">
        <div className="card-header" style={{ padding: 'var(--space-2) var(--space-3)', margin: 0 }}>
          <strong>{t('live.activityTitle')}</strong>
          {events.length > 0 && (
            <button type="button" className="btn btn-ghost" style={{ minHeight: 28 }} onClick={clearEvents}>
              {t('live.clear')}
            </button>
          )}
        </div>
        <p className="muted" style={{ padding: '0 var(--space-3)', fontSize: '0.85rem' }}>
          {label}
        </p>
        {events.length === 0 ? (
          <p className="muted" style={{ padding: '0 var(--space-3)', fontSize: '0.85rem' }}>
            {t('live.empty')}
          </p>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('live.activityTitle')}>
            {events.map((event) => (
              <li key={event.id} className="live-event">
                <div>{describe(event).title}</div>
                <div className="muted">{formatTime(event.occurredAt, i18n.language)}</div>
              </li>
            ))}
          </ul>
        )}
      </Popover>
    </div>
  );
}
