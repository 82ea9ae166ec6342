import {
  capacityModels,
  itemKinds,
  itemTags,
  unitCodes,
  type ItemKind,
  type ItemView,
  type MyPartner,
  type UnitCode,
} from '@contracts/http';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/api-error.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useErrorText } from '../../../lib/use-error-text.ts';
import { WithMyPartner } from '../with-my-partner.tsx';
import { AccessNotices, catalogueAccess } from './access.tsx';
import { useCreateItem, useItem, useItemStatus, useUpdateItem } from './catalogue-queries.ts';
import { ItemImages } from './item-images.tsx';
import {
  emptyItemValues,
  itemBody,
  itemToValues,
  problemPathErrors,
  updateBody,
  type ItemFormValues,
  type PathErrors,
} from './item-values.ts';
import { itemCurrencies } from './money.ts';
import { StatusBadge, statusActions } from './status-badge.tsx';
import { TranslationTabs } from './translation-tabs.tsx';
import { useLang } from './use-lang.ts';
import './item-editor.css';
import './toggle-chips.css';

function FieldErrors({ codes, testId }: { codes: string[] | undefined; testId?: string }) {
  const errorText = useErrorText();
  if (!codes?.length) return null;
  return (
    <ul className="field-error" data-testid={testId}>
      {codes.map((code) => (
        <li key={code}>{errorText(code)}</li>
      ))}
    </ul>
  );
}

interface ItemFormProps {
  my: MyPartner;
  item: ItemView | null;
  /** Just created: say what comes next (images, availability). */
  created?: boolean;
}

function ItemForm({ my, item, created = false }: ItemFormProps) {
  const { t } = useTranslation('catalogue');
  const lang = useLang();
  const navigate = useNavigate();
  const access = catalogueAccess(my);
  const [values, setValues] = useState<ItemFormValues>(() => (item ? itemToValues(item) : emptyItemValues()));
  const [errors, setErrors] = useState<PathErrors>({});
  const [saved, setSaved] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [newTime, setNewTime] = useState('');
  const submitted = useRef(false);
  const create = useCreateItem(lang);
  const update = useUpdateItem(item?.id ?? '', lang);
  const status = useItemStatus(lang);
  const save = item ? update : create;
  const readOnly = !access.canWrite || item?.status === 'archived';
  const netRates = values.bundleable && values.termsKind === 'net_rate';

  const change = (next: ItemFormValues) => {
    setValues(next);
    setSaved(false);
    if (submitted.current) {
      const result = itemBody(next);
      setErrors(result.ok ? {} : result.errors);
    }
  };
  const set = <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) => change({ ...values, [key]: value });
  const setUnit = (index: number, patch: Partial<ItemFormValues['units'][number]>) =>
    set(
      'units',
      values.units.map((unit, i) => (i === index ? { ...unit, ...patch } : unit)),
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submitted.current = true;
    const result = itemBody(values);
    if (!result.ok) {
      setErrors(result.errors);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    const onError = (error: unknown) => {
      if (isApiError(error) && error.fieldErrors.length) setErrors(problemPathErrors(error.fieldErrors));
    };
    if (item) {
      update.mutate(updateBody(result.body), {
        onSuccess: (next) => {
          setValues(itemToValues(next));
          setSaved(true);
        },
        onError,
      });
    } else {
      create.mutate(result.body, {
        onSuccess: (next) => navigate(`/partner/catalogue/${next.id}`, { replace: true, state: { created: true } }),
        onError,
      });
    }
  };

  const unusedUnits = unitCodes.filter((code) => !values.units.some((unit) => unit.code === code));
  const addTime = () => {
    if (!/^\d{2}:\d{2}$/.test(newTime) || values.startTimes.includes(newTime)) return;
    set('startTimes', [...values.startTimes, newTime].sort());
    setNewTime('');
  };

  return (
    <div className="stack" data-testid="item-editor">
      <Link to="/partner/catalogue" className="back-link">
        ← {t('editor.back')}
      </Link>
      <div className="card-header">
        <div>
          <h2 style={{ margin: 0 }}>{item ? item.title : t('editor.newTitle')}</h2>
          {item && (
            <div className="row" style={{ marginTop: 'var(--space-2)' }}>
              <StatusBadge status={item.status} />
              <span className="badge badge-neutral">{t(`kinds.${item.kind}`)}</span>
            </div>
          )}
        </div>
        {item && (
          <div className="row">
            {item.status !== 'archived' && (
              <Link
                to={`/partner/catalogue/${item.id}/availability`}
                className="btn btn-secondary"
                data-testid="editor-availability"
              >
                {t('list.availability')}
              </Link>
            )}
            {access.canWrite &&
              statusActions(item.status).map((action) => (
                <button
                  key={action}
                  type="button"
                  className={action === 'archive' ? 'btn btn-ghost' : 'btn btn-primary'}
                  data-testid={`editor-${action}`}
                  disabled={status.isPending || (action === 'publish' && !access.canPublish)}
                  title={action === 'publish' && !access.canPublish ? t('access.publishNeedsVerification') : undefined}
                  onClick={() =>
                    action === 'archive'
                      ? setArchiving(true)
                      : status.mutate({ id: item.id, action }, { onSuccess: (next) => setValues(itemToValues(next)) })
                  }
                >
                  {t(`actions.${action}`)}
                </button>
              ))}
          </div>
        )}
      </div>
      <AccessNotices my={my} />
      {item?.status === 'archived' && (
        <p className="alert" role="note">
          {t('editor.archivedNote')}
        </p>
      )}
      {created && (
        <p className="alert alert-success" role="status" data-testid="item-created">
          {t('editor.created')}
        </p>
      )}
      <ProblemAlert error={status.error} />
      <form className="form" noValidate onSubmit={onSubmit} data-testid="item-form">
        <fieldset disabled={readOnly} className="item-fieldset">
          <section className="card stack" aria-labelledby="item-about">
            <h3 id="item-about">{t('editor.about')}</h3>
            {item ? null : (
              <SelectField
                label={t('editor.kind')}
                hint={t('editor.kindHint')}
                value={values.kind}
                options={itemKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
                testId="item-kind"
                onChange={(event) => set('kind', event.target.value as ItemKind)}
              />
            )}
            <TranslationTabs
              value={values.translations}
              errors={errors}
              disabled={readOnly}
              testId="item"
              onChange={(locale, text) => set('translations', { ...values.translations, [locale]: text })}
            />
          </section>

          <section className="card stack" aria-labelledby="item-where">
            <h3 id="item-where">{t('editor.destination')}</h3>
            <div className="item-grid-2">
              <TextField
                label={t('editor.place')}
                hint={t('editor.placeHint')}
                value={values.place}
                maxLength={120}
                errors={errors['destination.place']}
                testId="item-place"
                onChange={(event) => set('place', event.target.value)}
              />
              <TextField
                label={t('editor.region')}
                hint={t('editor.regionHint')}
                value={values.regionCode}
                maxLength={6}
                autoCapitalize="characters"
                errors={errors['destination.regionCode']}
                testId="item-region"
                onChange={(event) => set('regionCode', event.target.value)}
              />
              <TextField
                label={t('editor.latitude')}
                hint={t('editor.latitudeHint')}
                value={values.latitude}
                inputMode="decimal"
                errors={errors['destination.latitude']}
                testId="item-latitude"
                onChange={(event) => set('latitude', event.target.value)}
              />
              <TextField
                label={t('editor.longitude')}
                hint={t('editor.longitudeHint')}
                value={values.longitude}
                inputMode="decimal"
                errors={errors['destination.longitude']}
                testId="item-longitude"
                onChange={(event) => set('longitude', event.target.value)}
              />
            </div>
          </section>

          <section className="card stack" aria-labelledby="item-details">
            <h3 id="item-details">{t('editor.details')}</h3>
            <div className="item-grid-3">
              <TextField
                label={t('editor.durationHours')}
                value={values.durationHours}
                inputMode="numeric"
                errors={errors.durationMinutes}
                testId="item-duration-hours"
                onChange={(event) => set('durationHours', event.target.value)}
              />
              <TextField
                label={t('editor.durationMinutes')}
                value={values.durationMinutes}
                inputMode="numeric"
                testId="item-duration-minutes"
                onChange={(event) => set('durationMinutes', event.target.value)}
              />
              <TextField
                label={t('editor.cutoff')}
                hint={t('editor.cutoffHint')}
                value={values.cutoffHours}
                inputMode="numeric"
                errors={errors.cutoffHours}
                testId="item-cutoff"
                onChange={(event) => set('cutoffHours', event.target.value)}
              />
            </div>
            <div className="field">
              <span className="chips-label" id="item-tags-label">
                {t('editor.tags')}
              </span>
              <div className="tag-toggles" role="group" aria-labelledby="item-tags-label">
                {itemTags.map((tag) => {
                  const on = values.tags.includes(tag);
                  return (
                    <button
                      key={tag}
                      type="button"
                      className="tag-toggle"
                      aria-pressed={on}
                      data-testid={`item-tag-${tag}`}
                      onClick={() => set('tags', on ? values.tags.filter((x) => x !== tag) : [...values.tags, tag])}
                    >
                      {t(`tags.${tag}`)}
                    </button>
                  );
                })}
              </div>
              <FieldErrors codes={errors.tags} />
            </div>
          </section>

          <section className="card stack" aria-labelledby="item-prices">
            <h3 id="item-prices">{t('editor.prices')}</h3>
            {item ? (
              <p className="muted" style={{ margin: 0 }}>
                {t('editor.currencyFixed', { currency: values.currency })}
              </p>
            ) : (
              <SelectField
                label={t('editor.currency')}
                hint={t('editor.currencyHint')}
                value={values.currency}
                options={itemCurrencies.map((code) => ({ value: code, label: code }))}
                testId="item-currency"
                onChange={(event) => set('currency', event.target.value)}
              />
            )}
            <p className="field-hint" style={{ margin: 0 }}>
              {t('editor.unitsHint')}
            </p>
            <ul className="plain-list unit-rows" data-testid="item-units">
              {values.units.map((unit, index) => (
                <li key={index} className="unit-row" data-testid="item-unit">
                  <SelectField
                    label={t('editor.unit')}
                    value={unit.code}
                    options={[unit.code, ...unusedUnits].map((code) => ({ value: code, label: t(`units.${code}`) }))}
                    testId={`item-unit-code-${index}`}
                    onChange={(event) => setUnit(index, { code: event.target.value as UnitCode })}
                  />
                  <TextField
                    label={t('editor.price', { currency: values.currency })}
                    value={unit.price}
                    inputMode="decimal"
                    placeholder="0.00"
                    errors={errors[`units.${index}.price`]}
                    testId={`item-unit-price-${index}`}
                    onChange={(event) => setUnit(index, { price: event.target.value })}
                  />
                  {netRates && (
                    <TextField
                      label={t('editor.netRate', { currency: values.currency })}
                      value={unit.netRate}
                      inputMode="decimal"
                      placeholder="0.00"
                      errors={errors[`units.${index}.netRate`]}
                      testId={`item-unit-net-${index}`}
                      onChange={(event) => setUnit(index, { netRate: event.target.value })}
                    />
                  )}
                  {values.units.length > 1 && (
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm unit-remove"
                      aria-label={t('editor.removeUnit', { unit: t(`units.${unit.code}`) })}
                      onClick={() =>
                        set(
                          'units',
                          values.units.filter((_, i) => i !== index),
                        )
                      }
                    >
                      {t('editor.remove')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            <FieldErrors codes={errors.units} testId="item-units-error" />
            {unusedUnits.length > 0 && !readOnly && (
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                style={{ alignSelf: 'flex-start' }}
                data-testid="item-unit-add"
                onClick={() => set('units', [...values.units, { code: unusedUnits[0]!, price: '', netRate: '' }])}
              >
                {t('editor.addUnit')}
              </button>
            )}
          </section>

          <section className="card stack" aria-labelledby="item-capacity">
            <h3 id="item-capacity">{t('editor.capacity')}</h3>
            <div className="choice-row" role="radiogroup" aria-labelledby="item-capacity">
              {capacityModels.map((model) => (
                <label key={model} className="choice">
                  <input
                    type="radio"
                    name="capacityModel"
                    value={model}
                    checked={values.capacityModel === model}
                    data-testid={`item-capacity-${model}`}
                    onChange={() => set('capacityModel', model)}
                  />
                  <span>
                    <strong>{t(`capacity.${model}`)}</strong>
                    <span className="field-hint">{t(`capacity.${model}Hint`)}</span>
                  </span>
                </label>
              ))}
            </div>
            {values.capacityModel === 'slots' && (
              <div className="field">
                <span className="chips-label">{t('editor.startTimes')}</span>
                <ul className="plain-list row" data-testid="item-start-times">
                  {values.startTimes.map((time) => (
                    <li key={time} className="badge badge-neutral time-chip">
                      {time}
                      {!readOnly && (
                        <button
                          type="button"
                          className="time-chip-remove"
                          aria-label={t('editor.removeTime', { time })}
                          onClick={() =>
                            set(
                              'startTimes',
                              values.startTimes.filter((x) => x !== time),
                            )
                          }
                        >
                          ×
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                {!readOnly && (
                  <div className="row">
                    <input
                      type="time"
                      className="input time-input"
                      aria-label={t('editor.newTime')}
                      value={newTime}
                      data-testid="item-time-input"
                      onChange={(event) => setNewTime(event.target.value)}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter') {
                          event.preventDefault();
                          addTime();
                        }
                      }}
                    />
                    <button
                      type="button"
                      className="btn btn-secondary btn-sm"
                      data-testid="item-time-add"
                      onClick={addTime}
                    >
                      {t('editor.addTime')}
                    </button>
                  </div>
                )}
                <span className="field-hint">{t('editor.startTimesHint')}</span>
                <FieldErrors codes={errors.startTimes} testId="item-start-times-error" />
              </div>
            )}
          </section>

          <section className="card stack" aria-labelledby="item-bundling">
            <h3 id="item-bundling">{t('editor.bundling')}</h3>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={values.bundleable}
                data-testid="item-bundleable"
                onChange={(event) => set('bundleable', event.target.checked)}
              />
              <span>
                <strong>{t('editor.bundleable')}</strong>
                <span className="field-hint" style={{ display: 'block' }}>
                  {t('editor.bundleableHint')}
                </span>
              </span>
            </label>
            {values.bundleable && (
              <>
                <div className="choice-row" role="radiogroup" aria-label={t('editor.terms')}>
                  {(['net_rate', 'commission'] as const).map((kind) => (
                    <label key={kind} className="choice">
                      <input
                        type="radio"
                        name="termsKind"
                        value={kind}
                        checked={values.termsKind === kind}
                        data-testid={`item-terms-${kind}`}
                        onChange={() => set('termsKind', kind)}
                      />
                      <span>
                        <strong>{t(`terms.${kind}`)}</strong>
                        <span className="field-hint">{t(`terms.${kind}Hint`)}</span>
                      </span>
                    </label>
                  ))}
                </div>
                {values.termsKind === 'commission' ? (
                  <TextField
                    label={t('editor.commission')}
                    hint={t('editor.commissionHint')}
                    value={values.commissionPercent}
                    inputMode="decimal"
                    errors={errors.commissionPercent}
                    testId="item-commission"
                    onChange={(event) => set('commissionPercent', event.target.value)}
                  />
                ) : (
                  <p className="field-hint" style={{ margin: 0 }}>
                    {t('editor.netRateHint')}
                  </p>
                )}
                <FieldErrors codes={errors.bundleTerms} />
              </>
            )}
          </section>
        </fieldset>
        <ProblemAlert error={save.error} />
        {saved && (
          <p className="alert alert-success" role="status" data-testid="item-saved">
            {t('editor.saved')}
          </p>
        )}
        {!readOnly && (
          <button
            type="submit"
            className="btn btn-primary form-submit"
            disabled={save.isPending}
            data-testid="item-save"
          >
            {save.isPending && <span className="spinner spinner-sm" aria-hidden="true" />}
            {item ? t('editor.save') : t('editor.create')}
          </button>
        )}
      </form>
      {item ? <ItemImages item={item} readOnly={readOnly} /> : <p className="muted">{t('editor.afterCreate')}</p>}
      {item && (
        <ConfirmDialog
          open={archiving}
          danger
          title={t('archive.title')}
          confirmLabel={t('actions.archive')}
          testId="item-archive-dialog"
          pending={status.isPending}
          onCancel={() => setArchiving(false)}
          onConfirm={() => status.mutate({ id: item.id, action: 'archive' }, { onSettled: () => setArchiving(false) })}
        >
          <p>{t('archive.itemBody', { title: item.title })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function EditItem({ my, id }: { my: MyPartner; id: string }) {
  const lang = useLang();
  const item = useItem(id, lang);
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  if (item.isPending) return <Loading />;
  if (item.isError) return <ProblemAlert error={item.error} />;
  return <ItemForm key={item.data.id} my={my} item={item.data} created={created} />;
}

export function ItemEditorPage() {
  const { t } = useTranslation('catalogue');
  const { itemId } = useParams();
  useDocumentTitle(itemId ? t('editor.editTitle') : t('editor.newTitle'));
  return (
    <WithMyPartner>
      {(my) => (itemId ? <EditItem my={my} id={itemId} /> : <ItemForm my={my} item={null} />)}
    </WithMyPartner>
  );
}
