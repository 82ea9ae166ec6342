import { useTranslation } from 'react-i18next';
import type { DeadLetter } from '../../api/admin-api.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { AdminCardHeader } from './admin-card-header.tsx';
import { useDeadLetters, useReplayDeadLetter } from './admin-queries.ts';

function DeadLetterRow({ item, onReplay, replaying }: { item: DeadLetter; onReplay: () => void; replaying: boolean }) {
  const { t, i18n } = useTranslation('admin');
  return (
    <tr data-testid="dead-letter-row">
      <td>
        <div className="mono">{item.subject}</div>
        <div className="muted mono">{item.eventId}</div>
      </td>
      <td>
        {item.service}
        <div className="muted">{item.durable}</div>
      </td>
      <td>{formatNumber(item.attempts, i18n.language)}</td>
      <td className="mono" style={{ maxWidth: 260 }}>
        {item.error}
      </td>
      <td>{formatDateTime(item.deadAt, i18n.language)}</td>
      <td>
        {item.replayedAt ? (
          <span className="badge badge-success">
            {t('deadLetters.replayedAt', { date: formatDateTime(item.replayedAt, i18n.language) })}
          </span>
        ) : (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={onReplay}
            disabled={replaying}
            aria-label={t('deadLetters.replayLabel', { subject: item.subject })}
          >
            {replaying ? t('deadLetters.replaying') : t('deadLetters.replay')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Events that exhausted their deliveries; replay puts one back on the bus. */
export function DeadLettersCard() {
  const { t } = useTranslation('admin');
  const query = useDeadLetters();
  const replay = useReplayDeadLetter();

  return (
    <section className="card" aria-labelledby="dead-letters-title" data-testid="dead-letters-card">
      <AdminCardHeader
        titleId="dead-letters-title"
        title={t('deadLetters.title')}
        description={t('deadLetters.description')}
        refreshLabel={t('refresh')}
        onRefresh={() => void query.refetch()}
        refreshing={query.isFetching}
      />
      <ProblemAlert error={query.error ?? replay.error} />
      {query.isPending && <Loading />}
      {query.data && query.data.length === 0 && <p className="muted">{t('deadLetters.empty')}</p>}
      {query.data && query.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('deadLetters.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deadLetters.columns.subject')}</th>
                <th scope="col">{t('deadLetters.columns.consumer')}</th>
                <th scope="col">{t('deadLetters.columns.attempts')}</th>
                <th scope="col">{t('deadLetters.columns.error')}</th>
                <th scope="col">{t('deadLetters.columns.deadAt')}</th>
                <th scope="col">{t('deadLetters.columns.action')}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((item) => (
                <DeadLetterRow
                  key={item.id}
                  item={item}
                  replaying={replay.isPending && replay.variables === item.id}
                  onReplay={() => replay.mutate(item.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
