import { itemKinds, type ItemKind, type ItemView } from '@contracts/http';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ui/form-fields.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { VerifiedBadge } from '../../../components/ui/verified-badge.tsx';
import { useBundleableItems, useOwnItems } from '../catalogue/catalogue-queries.ts';
import { priceFrom } from '../catalogue/item-values.ts';
import { formatBps, formatMinor } from '../catalogue/money.ts';
import { Pager } from '../catalogue/pager.tsx';
import { StatusBadge } from '../catalogue/status-badge.tsx';
import { useLang } from '../catalogue/use-lang.ts';
import '../catalogue/translation-tabs.css';
import './item-picker.css';

type Source = 'own' | 'bundleable';

function PickRow({
  item,
  chosen,
  currency,
  onPick,
}: {
  item: ItemView;
  chosen: boolean;
  currency: string | null;
  onPick: () => void;
}) {
  const { t, i18n } = useTranslation('packages');
  const from = priceFrom(item);
  const otherCurrency = currency !== null && item.currency !== currency;
  return (
    <li className="pick-row" data-testid="pick-item">
      <div className="pick-main">
        <strong>{item.title}</strong>
        <span className="muted pick-meta">
          {t(`catalogue:kinds.${item.kind}`)} · {item.destination.place}
          {from !== null && <> · {t('picker.from', { price: formatMinor(from, item.currency, i18n.language) })}</>}
        </span>
        <span className="row pick-badges">
          {item.status !== 'published' && <StatusBadge status={item.status} />}
          {item.bundleTerms && (
            <span className="badge badge-neutral">
              {item.bundleTerms.kind === 'commission'
                ? t('picker.commission', { percent: formatBps(item.bundleTerms.commissionBps ?? 0, i18n.language) })
                : t('picker.netRate')}
            </span>
          )}
        </span>
        {otherCurrency && <span className="field-hint">{t('picker.otherCurrency', { currency: item.currency })}</span>}
      </div>
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        disabled={chosen || otherCurrency}
        data-testid="pick-add"
        aria-label={t('picker.addLabel', { title: item.title })}
        onClick={onPick}
      >
        {chosen ? t('picker.added') : t('picker.add')}
      </button>
    </li>
  );
}

function OwnItems({
  chosen,
  currency,
  kind,
  onPick,
}: {
  chosen: Set<string>;
  currency: string | null;
  kind: ItemKind | '';
  onPick: (item: ItemView) => void;
}) {
  const { t } = useTranslation('packages');
  const lang = useLang();
  const items = useOwnItems(lang);
  if (items.isPending) return <Loading />;
  if (items.isError) return <ProblemAlert error={items.error} />;
  const list = items.data.items.filter((item) => item.status !== 'archived' && (!kind || item.kind === kind));
  if (list.length === 0) {
    return (
      <p className="muted" data-testid="pick-empty">
        {t('picker.ownEmpty')}
      </p>
    );
  }
  return (
    <ul className="plain-list pick-list">
      {list.map((item) => (
        <PickRow
          key={item.id}
          item={item}
          chosen={chosen.has(item.id)}
          currency={currency}
          onPick={() => onPick(item)}
        />
      ))}
    </ul>
  );
}

function PartnerItems({
  chosen,
  currency,
  kind,
  onPick,
}: {
  chosen: Set<string>;
  currency: string | null;
  kind: ItemKind | '';
  onPick: (item: ItemView) => void;
}) {
  const { t } = useTranslation('packages');
  const lang = useLang();
  const [page, setPage] = useState(1);
  const items = useBundleableItems({ lang, page, ...(kind ? { kind } : {}) });
  if (items.isPending) return <Loading />;
  if (items.isError) return <ProblemAlert error={items.error} />;
  if (items.data.items.length === 0) {
    return (
      <p className="muted" data-testid="pick-empty">
        {t('picker.bundleableEmpty')}
      </p>
    );
  }
  // Grouped by partner, each with its Verified badge: the traveller sees the same.
  const partners = new Map<string, ItemView[]>();
  for (const item of items.data.items) partners.set(item.partnerId, [...(partners.get(item.partnerId) ?? []), item]);
  return (
    <>
      {[...partners.values()].map((group) => (
        <div key={group[0]!.partnerId} className="pick-partner">
          <p className="row pick-partner-name">
            <strong>{group[0]!.partnerName}</strong>
            {group[0]!.partnerVerified && <VerifiedBadge size="sm" />}
          </p>
          <ul className="plain-list pick-list">
            {group.map((item) => (
              <PickRow
                key={item.id}
                item={item}
                chosen={chosen.has(item.id)}
                currency={currency}
                onPick={() => onPick(item)}
              />
            ))}
          </ul>
        </div>
      ))}
      <Pager page={page} pageSize={items.data.pageSize} total={items.data.total} onPage={setPage} />
    </>
  );
}

/** Own items and other verified partners' bundleable ones, to add as package lines. */
export function ItemPicker({
  chosen,
  currency,
  onPick,
}: {
  chosen: Set<string>;
  currency: string | null;
  onPick: (item: ItemView) => void;
}) {
  const { t } = useTranslation('packages');
  const id = useId();
  const [source, setSource] = useState<Source>('own');
  const [kind, setKind] = useState<ItemKind | ''>('');
  return (
    <div className="item-picker stack" data-testid="item-picker">
      <div role="tablist" className="translation-tablist" aria-label={t('picker.sources')}>
        {(['own', 'bundleable'] as const).map((value) => (
          <button
            key={value}
            id={`${id}-${value}`}
            type="button"
            role="tab"
            className="translation-tab"
            aria-selected={source === value}
            aria-controls={`${id}-panel`}
            data-testid={`picker-${value}`}
            onClick={() => setSource(value)}
          >
            {t(`picker.${value}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${source}`} className="stack">
        <p className="field-hint" style={{ margin: 0 }}>
          {t(`picker.${source}Hint`)}
        </p>
        <div style={{ maxWidth: 240 }}>
          <SelectField
            label={t('picker.kind')}
            value={kind}
            placeholder={t('picker.allKinds')}
            options={itemKinds.map((value) => ({ value, label: t(`catalogue:kinds.${value}`) }))}
            onChange={(event) => setKind(event.target.value as ItemKind | '')}
          />
        </div>
        {source === 'own' ? (
          <OwnItems chosen={chosen} currency={currency} kind={kind} onPick={onPick} />
        ) : (
          <PartnerItems chosen={chosen} currency={currency} kind={kind} onPick={onPick} />
        )}
      </div>
    </div>
  );
}
