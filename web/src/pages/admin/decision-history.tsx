import { partnerStatuses, type PartnerHistoryEntry, type PartnerStatus } from '@contracts/http';
import { motion } from 'framer-motion';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { listItemVariants } from '../../lib/motion.ts';
import './decision-history.css';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function status(value: unknown): PartnerStatus | null {
  return partnerStatuses.find((candidate) => candidate === value) ?? null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The audit action ("partner.verified") as a flat catalogue key ("partner_verified"). */
function actionKey(action: string): string {
  return action.replace(/\./g, '_');
}

function HistoryEntry({ entry }: { entry: PartnerHistoryEntry }) {
  const { t, i18n } = useTranslation('verification');
  const reason = text(entry.data.reason);
  const from = status(entry.data.from);
  const to = status(entry.data.to);
  const fields = stringList(entry.data.fields);
  return (
    <motion.li
      className="timeline-entry"
      data-testid="admin-history-entry"
      data-action={entry.action}
      variants={listItemVariants}
      initial="initial"
      animate="animate"
    >
      <div className="row timeline-head">
        <strong>
          {t(`history.actions.${actionKey(entry.action)}`, { defaultValue: entry.action.replace(/[._]/g, ' ') })}
        </strong>
        <time className="muted" dateTime={entry.occurredAt}>
          {formatDateTime(entry.occurredAt, i18n.language)}
        </time>
      </div>
      <div className="muted">
        {t('history.by')} {entry.actorId ? <span className="mono">{entry.actorId}</span> : t('history.system')}
      </div>
      {from && to && (
        <div className="muted">{t('history.transition', { from: t(`statuses.${from}`), to: t(`statuses.${to}`) })}</div>
      )}
      {fields.length > 0 && (
        <div className="muted">
          {t('history.fields', {
            fields: fields.map((field) => t(`facts.${field}`, { defaultValue: field })).join(', '),
          })}
        </div>
      )}
      {reason && (
        <blockquote className="timeline-reason">
          <span className="visually-hidden">{t('history.reason')}: </span>
          {reason}
        </blockquote>
      )}
    </motion.li>
  );
}

/** Who did what to this partner and why (the service's audit entries), newest first. */
export function DecisionHistory({ history }: { history: PartnerHistoryEntry[] }) {
  const { t } = useTranslation('verification');
  const entries = [...history].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <section className="card" aria-labelledby="history-title" data-testid="admin-decision-history">
      <h2 id="history-title">{t('history.title')}</h2>
      {entries.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol className="timeline">
        {entries.map((entry, index) => (
          <HistoryEntry key={`${entry.occurredAt}-${entry.action}-${index}`} entry={entry} />
        ))}
      </ol>
    </section>
  );
}
