import { catalogueStatuses, type CatalogueStatus, type MyPartner, type PackageView } from '@contracts/http';
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
import { AccessNotices, catalogueAccess, type CatalogueAccess } from '../catalogue/access.tsx';
import { formatMinor } from '../catalogue/money.ts';
import { Pager } from '../catalogue/pager.tsx';
import { StatusBadge, statusActions } from '../catalogue/status-badge.tsx';
import { useLang } from '../catalogue/use-lang.ts';
import { useMyPackages, usePackageStatus } from './packages-queries.ts';
import '../catalogue/catalogue-page.css';

function PackageCard({
  pkg,
  access,
  busy,
  onAction,
}: {
  pkg: PackageView;
  access: CatalogueAccess;
  busy: boolean;
  onAction: (action: 'publish' | 'pause' | 'archive') => void;
}) {
  const { t, i18n } = useTranslation('packages');
  const cover = pkg.images[0];
  const partners = [...new Set(pkg.lines.map((line) => line.partnerName))];
  const actions = access.canWrite ? statusActions(pkg.status) : [];
  return (
    <li className="card item-card" data-testid="package-card" data-status={pkg.status}>
      <div className={cover ? 'item-card-media' : 'item-card-media item-card-media-empty'} aria-hidden="true">
        {cover ? <img src={imageUrl(cover.id)} alt="" loading="lazy" /> : <span>{t('list.placeholder')}</span>}
      </div>
      <div className="item-card-body">
        <div className="row item-card-chips">
          <StatusBadge status={pkg.status} />
          {partners.length > 1 && <span className="badge">{t('list.partners', { count: partners.length })}</span>}
        </div>
        <h3 className="item-card-title">
          <Link to={`/partner/packages/${pkg.id}`} data-testid="package-open">
            {pkg.title}
          </Link>
        </h3>
        <p className="muted item-card-place">
          {t('list.items', { count: pkg.lines.length })} · {t('list.days', { count: pkg.durationDays })}
          {pkg.destination ? ` · ${pkg.destination.place}` : ''}
        </p>
        <p className="muted item-card-place">{partners.join(', ')}</p>
        {pkg.basePriceMinor > 0 && (
          <p className="item-card-price" data-testid="package-price-from">
            {t('list.priceFrom', { price: formatMinor(pkg.basePriceMinor, pkg.currency, i18n.language) })}
          </p>
        )}
        <div className="row item-card-actions">
          <Link to={`/partner/packages/${pkg.id}`} className="btn btn-secondary btn-sm">
            {access.canWrite && pkg.status !== 'archived' ? t('list.edit') : t('list.view')}
          </Link>
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'archive' ? 'btn btn-ghost btn-sm' : 'btn btn-primary btn-sm'}
              data-testid={`package-${action}`}
              disabled={busy || (action === 'publish' && !access.canPublish)}
              title={
                action === 'publish' && !access.canPublish ? t('catalogue:access.publishNeedsVerification') : undefined
              }
              onClick={() => onAction(action)}
            >
              {t(`catalogue:actions.${action}`)}
            </button>
          ))}
        </div>
      </div>
    </li>
  );
}

function Packages({ my }: { my: MyPartner }) {
  const { t } = useTranslation('packages');
  const lang = useLang();
  const access = catalogueAccess(my);
  const [status, setStatus] = useState<CatalogueStatus | ''>('');
  const [page, setPage] = useState(1);
  const [archiving, setArchiving] = useState<PackageView | null>(null);
  const packages = useMyPackages({ lang, page, ...(status ? { status } : {}) });
  const change = usePackageStatus(lang);

  return (
    <div className="stack" data-testid="packages-page">
      <div className="card-header catalogue-head">
        <div>
          <h2>{t('list.title')}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {t('list.subtitle')}
          </p>
        </div>
        {access.canWrite && (
          <Link to="/partner/packages/new" className="btn btn-primary" data-testid="package-new">
            {t('list.new')}
          </Link>
        )}
      </div>
      <AccessNotices my={my} />
      <div className="catalogue-filters">
        <SelectField
          label={t('list.filterStatus')}
          value={status}
          placeholder={t('list.allStatuses')}
          options={catalogueStatuses.map((value) => ({ value, label: t(`catalogue:status.${value}`) }))}
          testId="package-filter-status"
          onChange={(event) => {
            setStatus(event.target.value as CatalogueStatus | '');
            setPage(1);
          }}
        />
      </div>
      <ProblemAlert error={change.error} />
      {packages.isPending ? (
        <Loading />
      ) : packages.isError ? (
        <ProblemAlert error={packages.error} />
      ) : packages.data.items.length === 0 ? (
        <section className="empty-state" data-testid="packages-empty">
          <h2>{status ? t('list.noMatchTitle') : t('list.emptyTitle')}</h2>
          <p className="muted">{status ? t('list.noMatchBody') : t('list.emptyBody')}</p>
          {access.canWrite && !status && (
            <Link to="/partner/packages/new" className="btn btn-primary">
              {t('list.new')}
            </Link>
          )}
        </section>
      ) : (
        <>
          <ul className="plain-list item-grid" data-testid="package-list">
            {packages.data.items.map((pkg) => (
              <PackageCard
                key={pkg.id}
                pkg={pkg}
                access={access}
                busy={change.isPending}
                onAction={(action) =>
                  action === 'archive' ? setArchiving(pkg) : change.mutate({ id: pkg.id, action })
                }
              />
            ))}
          </ul>
          <Pager page={page} pageSize={packages.data.pageSize} total={packages.data.total} onPage={setPage} />
        </>
      )}
      <ConfirmDialog
        open={!!archiving}
        danger
        title={t('builder.archiveTitle')}
        confirmLabel={t('catalogue:actions.archive')}
        testId="package-archive-dialog"
        pending={change.isPending}
        onCancel={() => setArchiving(null)}
        onConfirm={() =>
          archiving && change.mutate({ id: archiving.id, action: 'archive' }, { onSettled: () => setArchiving(null) })
        }
      >
        <p>{t('builder.archiveBody', { title: archiving?.title ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}

export function PackagesPage() {
  const { t } = useTranslation('packages');
  useDocumentTitle(t('list.title'));
  return <WithMyPartner>{(my) => <Packages my={my} />}</WithMyPartner>;
}
