import { AnimatePresence, motion } from 'framer-motion';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/format.ts';
import { listItemVariants } from '../lib/motion.ts';
import { useEventText } from './event-text.ts';
import { useLiveEvents, type LiveEvent } from './live-context.ts';
import './live-toasts.css';

const TOAST_MS = 6_000;
const MAX_TOASTS = 3;

/** Brief, polite announcements of pushed events; the full list lives behind the indicator. */
export function LiveToasts() {
  const { t, i18n } = useTranslation('common');
  const describe = useEventText();
  const [toasts, setToasts] = useState<LiveEvent[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((list) => list.filter((toast) => toast.id !== id));
  }, []);

  const onEvent = useCallback(
    (event: LiveEvent) => {
      setToasts((list) => [event, ...list.filter((toast) => toast.id !== event.id)].slice(0, MAX_TOASTS));
      timers.current.set(
        event.id,
        setTimeout(() => dismiss(event.id), TOAST_MS),
      );
    },
    [dismiss],
  );
  useLiveEvents(onEvent);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return (
    <div className="toast-region" role="status" aria-live="polite" aria-label={t('live.toastRegion')}>
      <AnimatePresence initial={false}>
        {toasts.map((toast) => {
          const text = describe(toast);
          return (
            <motion.div
              key={toast.id}
              className="toast"
              data-testid="live-toast"
              data-subject={toast.subject}
              layout
              variants={listItemVariants}
              initial="initial"
              animate="animate"
              exit="exit"
            >
              <div className="row" style={{ justifyContent: 'space-between', flexWrap: 'nowrap' }}>
                <strong>{text.title}</strong>
                <button
                  type="button"
                  className="btn btn-ghost"
                  style={{ minHeight: 28, padding: '0 var(--space-2)' }}
                  aria-label={t('live.dismiss')}
                  onClick={() => dismiss(toast.id)}
                >
                  ×
                </button>
              </div>
              <div data-testid="toast-body">{text.body}</div>
              <div className="muted" style={{ fontSize: '0.8rem' }}>
                {formatTime(toast.occurredAt, i18n.language)}
              </div>
            </motion.div>
          );
        })}
      </AnimatePresence>
    </div>
  );
}
