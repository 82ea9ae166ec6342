import {
  catalogueStatuses,
  itemKinds,
  type CatalogueStatus,
  type ItemKind,
  type ItemView,
  type MyPartner,
} from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { imageUrl } from '../../../api/bundling-api.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { SelectField } from '../../../components/ui/form-fields.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { WithMyPartner } from '../with-my-partner.tsx';
import { AccessNotices, catalogueAccess, type CatalogueAccess } from './access.tsx';
import { useItems, useItemStatus } from './catalogue-queries.ts';
import { priceFrom } from './item-values.ts';
import { formatMinor } from './money.ts';
import { Pager } from './pager.tsx';
import { StatusBadge, statusActions } from './status-badge.tsx';
import { useLang } from './use-lang.ts';
import './catalogue-page.css';

function ItemCard({
  item,
  access,
  busy,
  onAction,
}: {
  item: ItemView;
  access: CatalogueAccess;
  busy: boolean;
  onAction: (action: 'publish' | 'pause' | 'archive') => void;
}) {
  const { t, i18n } = useTranslation('catalogue');
  const from = priceFrom(item);
  const cover = item.images[0];
  const actions = access.canWrite ? statusActions(item.status) : [];
  return (
    <li className="card item-card" data-testid="item-card" data-status={item.status}>
      <div className={cover ? 'item-card-media' : 'item-card-media item-card-media-empty'} aria-hidden="true">
        {cover ? <img src={imageUrl(cover.id)} alt="" loading="lazy" /> : <span>{t(`kinds.${item.kind}`)}</span>}
      </div>
      <div className="item-card-body">
        <div className="row item-card-chips">
          <StatusBadge status={item.status} />
          <span className="badge badge-neutral">{t(`kinds.${item.kind}`)}</span>
          {item.bundleTerms && <span className="badge">{t('list.bundleable')}</span>}
        </div>
        <h3 className="item-card-title">
          <Link to={`/partner/catalogue/${item.id}`} data-testid="item-open">
            {item.title}
          </Link>
        </h3>
        <p className="muted item-card-place">{item.destination.place}</p>
        {from !== null && (
          <p className="item-card-price" data-testid="item-price-from">
            {t('list.priceFrom', { price: formatMinor(from, item.currency, i18n.language) })}
          </p>
        )}
        <div className="row item-card-actions">
          <Link to={`/partner/catalogue/${item.id}`} className="btn btn-secondary btn-sm">
            {access.canWrite && item.status !== 'archived' ? t('list.edit') : t('list.view')}
          </Link>
          {item.status !== 'archived' && (
            <Link
              to={`/partner/catalogue/${item.id}/availability`}
              className="btn btn-secondary btn-sm"
              data-testid="item-availability"
            >
              {t('list.availability')}
            </Link>
          )}
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'archive' ? 'btn btn-ghost btn-sm' : 'btn btn-primary btn-sm'}
              data-testid={`item-${action}`}
              disabled={busy || (action === 'publish' && !access.canPublish)}
              title={action === 'publish' && !access.canPublish ? t('access.publishNeedsVerification') : undefined}
              onClick={() => onAction(action)}
            >
              {t(`actions.${action}`)}
            </button>
          ))}
        </div>
      </div>
    </li>
  );
}

function Catalogue({ my }: { my: MyPartner }) {
  const { t } = useTranslation('catalogue');
  const lang = useLang();
  const access = catalogueAccess(my);
  const [kind, setKind] = useState<ItemKind | ''>('');
  const [status, setStatus] = useState<CatalogueStatus | ''>('');
  const [page, setPage] = useState(1);
  const [archiving, setArchiving] = useState<ItemView | null>(null);
  const items = useItems({ lang, page, ...(kind ? { kind } : {}), ...(status ? { status } : {}) });
  const change = useItemStatus(lang);
  const filtered = kind !== '' || status !== '';

  const act = (item: ItemView, action: 'publish' | 'pause' | 'archive') => {
    if (action === 'archive') setArchiving(item);
    else change.mutate({ id: item.id, action });
  };

  return (
    <div className="stack" data-testid="catalogue-page">
      <div className="card-header catalogue-head">
        <div>
          <h2>{t('list.title')}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {t('list.subtitle')}
          </p>
        </div>
        {access.canWrite && (
          <Link to="/partner/catalogue/new" className="btn btn-primary" data-testid="item-new">
            {t('list.new')}
          </Link>
        )}
      </div>
      <AccessNotices my={my} />
      <div className="catalogue-filters">
        <SelectField
          label={t('list.filterKind')}
          value={kind}
          placeholder={t('list.allKinds')}
          options={itemKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          testId="filter-kind"
          onChange={(event) => {
            setKind(event.target.value as ItemKind | '');
            setPage(1);
          }}
        />
        <SelectField
          label={t('list.filterStatus')}
          value={status}
          placeholder={t('list.allStatuses')}
          options={catalogueStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
          testId="filter-status"
          onChange={(event) => {
            setStatus(event.target.value as CatalogueStatus | '');
            setPage(1);
          }}
        />
      </div>
      <ProblemAlert error={change.error} />
      {items.isPending ? (
        <Loading />
      ) : items.isError ? (
        <ProblemAlert error={items.error} />
      ) : items.data.items.length === 0 ? (
        <section className="empty-state" data-testid="catalogue-empty">
          <h2>{filtered ? t('list.noMatchTitle') : t('list.emptyTitle')}</h2>
          <p className="muted">{filtered ? t('list.noMatchBody') : t('list.emptyBody')}</p>
          {access.canWrite && !filtered && (
            <Link to="/partner/catalogue/new" className="btn btn-primary">
              {t('list.new')}
            </Link>
          )}
        </section>
      ) : (
        <>
          <ul className="plain-list item-grid" data-testid="item-list">
            {items.data.items.map((item) => (
              <ItemCard
                key={item.id}
                item={item}
                access={access}
                busy={change.isPending}
                onAction={(action) => act(item, action)}
              />
            ))}
          </ul>
          <Pager page={page} pageSize={items.data.pageSize} total={items.data.total} onPage={setPage} />
        </>
      )}
      <ConfirmDialog
        open={!!archiving}
        danger
        title={t('archive.title')}
        confirmLabel={t('actions.archive')}
        testId="item-archive-dialog"
        pending={change.isPending}
        onCancel={() => setArchiving(null)}
        onConfirm={() =>
          archiving && change.mutate({ id: archiving.id, action: 'archive' }, { onSettled: () => setArchiving(null) })
        }
      >
        <p>{t('archive.itemBody', { title: archiving?.title ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}

export function CataloguePage() {
  const { t } = useTranslation('catalogue');
  useDocumentTitle(t('list.title'));
  return <WithMyPartner>{(my) => <Catalogue my={my} />}</WithMyPartner>;
}
