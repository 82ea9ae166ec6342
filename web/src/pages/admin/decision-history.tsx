import { partnerStatuses, type PartnerHistoryEntry, type PartnerStatus } from '@contracts/http';
import { motion } from 'framer-motion';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { listItemVariants } from '../../lib/motion.ts';
import { AuditAction } from './audit-action.tsx';
import { PersonName, type PersonHint } from './person-name.tsx';
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

/** Decisions only an admin takes; anything else on a partner is done by one of its members. */
const ADMIN_ACTIONS = new Set(['partner.verified', 'partner.rejected', 'partner.suspended', 'partner.reinstated']);

function actorHint(entry: PartnerHistoryEntry, ownerUserId: string): PersonHint {
  if (!entry.actorId) return 'system';
  if (ADMIN_ACTIONS.has(entry.action)) return 'admin';
  return entry.actorId === ownerUserId ? 'owner' : 'member';
}

function HistoryEntry({ entry, ownerUserId }: { entry: PartnerHistoryEntry; ownerUserId: string }) {
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
          <AuditAction action={entry.action} />
        </strong>
        <time className="muted" dateTime={entry.occurredAt}>
          {formatDateTime(entry.occurredAt, i18n.language)}
        </time>
      </div>
      <div className="muted">
        {t('history.by')} <PersonName userId={entry.actorId} hint={actorHint(entry, ownerUserId)} />
      </div>
      {entry.action === 'member.ownership_transferred' && text(entry.data.to) && (
        <div className="muted">
          {t('history.newOwner')} <PersonName userId={text(entry.data.to)} hint="member" />
        </div>
      )}
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

/** Who did what to this partner and why (the service's audit entries), newest first, by name. */
export function DecisionHistory({ history, ownerUserId }: { history: PartnerHistoryEntry[]; ownerUserId: string }) {
  const { t } = useTranslation('verification');
  const entries = [...history].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <section className="card" aria-labelledby="history-title" data-testid="admin-decision-history">
      <h2 id="history-title">{t('history.title')}</h2>
      {entries.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol className="timeline">
        {entries.map((entry, index) => (
          <HistoryEntry key={`${entry.occurredAt}-${entry.action}-${index}`} entry={entry} ownerUserId={ownerUserId} />
        ))}
      </ol>
    </section>
  );
}
