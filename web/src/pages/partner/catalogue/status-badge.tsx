import type { CatalogueStatus } from '@contracts/http';
import { useTranslation } from 'react-i18next';

const tone: Record<CatalogueStatus, string> = {
  draft: 'badge-neutral',
  published: 'badge-success',
  paused: 'badge-warning',
  archived: 'badge-danger',
};

/** An item's or a package's status as a chip (draft, published, paused, archived). */
export function StatusBadge({ status }: { status: CatalogueStatus }) {
  const { t } = useTranslation('catalogue');
  return (
    <span className={`badge ${tone[status]}`} data-testid="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/** Which actions a status allows: draft → published ⇄ paused → archived (final). */
export function statusActions(status: CatalogueStatus): ('publish' | 'pause' | 'archive')[] {
  if (status === 'draft') return ['publish', 'archive'];
  if (status === 'published') return ['pause', 'archive'];
  if (status === 'paused') return ['publish', 'archive'];
  return [];
}
