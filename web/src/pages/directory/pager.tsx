import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import './pager.css';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  testIdPrefix: string;
}

/** Previous / next paging with "page x of y"; hidden when everything fits on one page. */
export function Pager({ page, pageSize, total, onPage, testIdPrefix }: PagerProps) {
  const { t, i18n } = useTranslation('directory');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button
        type="button"
        className="btn btn-secondary"
        data-testid={`${testIdPrefix}-prev`}
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('pager.previous')}
      </button>
      <span className="muted">
        {t('pager.status', { page: formatNumber(page, i18n.language), pages: formatNumber(pages, i18n.language) })}
      </span>
      <button
        type="button"
        className="btn btn-secondary"
        data-testid={`${testIdPrefix}-next`}
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}
