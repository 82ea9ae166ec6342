import { itemTags, policySchema, type ItemView, type MyPartner, type PackageView } from '@contracts/http';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/api-error.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { VerifiedBadge } from '../../../components/ui/verified-badge.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useErrorText } from '../../../lib/use-error-text.ts';
import { WithMyPartner } from '../with-my-partner.tsx';
import { AccessNotices, catalogueAccess } from '../catalogue/access.tsx';
import { StatusBadge, statusActions } from '../catalogue/status-badge.tsx';
import { TranslationTabs } from '../catalogue/translation-tabs.tsx';
import { useLang } from '../catalogue/use-lang.ts';
import { ItemPicker } from './item-picker.tsx';
import { PackageImages } from './package-images.tsx';
import {
  emptyPackageValues,
  lineFromItem,
  packageBody,
  packageCurrency,
  packageToValues,
  problemPathErrors,
  type LineValues,
  type PackageFormValues,
  type PathErrors,
} from './package-values.ts';
import { useCreatePackage, usePackage, usePackageStatus, useUpdatePackage } from './packages-queries.ts';
import { PolicyEditor, PolicyWords } from './policy-editor.tsx';
import { PricePreview } from './price-preview.tsx';
import { RulesEditor } from './rules-editor.tsx';
import '../catalogue/toggle-chips.css';
import './package-builder.css';

function Errors({ codes, testId }: { codes: string[] | undefined; testId?: string }) {
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

function LineRow({
  line,
  index,
  count,
  errors,
  readOnly,
  onChange,
  onRemove,
  onMove,
}: {
  line: LineValues;
  index: number;
  count: number;
  errors: PathErrors;
  readOnly: boolean;
  onChange: (patch: Partial<LineValues>) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
}) {
  const { t } = useTranslation('packages');
  return (
    <li className="line-row" data-testid="package-line">
      <div className="line-head">
        <div className="line-title">
          <strong>
            {index + 1}. {line.title}
          </strong>
          <span className="row line-meta">
            <span className="badge badge-neutral">{t(`catalogue:kinds.${line.kind}`)}</span>
            {line.bundled ? (
              <span className="badge" data-testid="line-bundled">
                {t('lines.bundledFrom', { partner: line.partnerName })}
              </span>
            ) : (
              <span className="muted">{t('lines.own')}</span>
            )}
            {line.bundled && line.partnerVerified && <VerifiedBadge size="sm" />}
          </span>
        </div>
        {!readOnly && (
          <div className="row line-tools">
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              disabled={index === 0}
              aria-label={t('lines.moveUp', { title: line.title })}
              onClick={() => onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              disabled={index === count - 1}
              aria-label={t('lines.moveDown', { title: line.title })}
              onClick={() => onMove(1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              data-testid={`line-remove-${index}`}
              aria-label={t('lines.removeLabel', { title: line.title })}
              onClick={onRemove}
            >
              {t('lines.remove')}
            </button>
          </div>
        )}
      </div>
      <div className="line-fields">
        <TextField
          label={t('lines.qty')}
          hint={t('lines.qtyHint')}
          value={line.qty}
          inputMode="numeric"
          errors={errors[`lines.${index}.qty`]}
          testId={`line-qty-${index}`}
          onChange={(event) => onChange({ qty: event.target.value })}
        />
        <TextField
          label={t('lines.dayOffset')}
          hint={t('lines.dayOffsetHint')}
          value={line.dayOffset}
          inputMode="numeric"
          errors={errors[`lines.${index}.dayOffset`]}
          testId={`line-offset-${index}`}
          onChange={(event) => onChange({ dayOffset: event.target.value })}
        />
        {line.capacityModel === 'daily' && (
          <TextField
            label={t('lines.days')}
            hint={t('lines.daysHint')}
            value={line.days}
            inputMode="numeric"
            errors={errors[`lines.${index}.days`]}
            testId={`line-days-${index}`}
            onChange={(event) => onChange({ days: event.target.value })}
          />
        )}
      </div>
      <Errors codes={errors[`lines.${index}`]} testId={`line-error-${index}`} />
    </li>
  );
}

function PackageForm({ my, pkg, created = false }: { my: MyPartner; pkg: PackageView | null; created?: boolean }) {
  const { t } = useTranslation('packages');
  const lang = useLang();
  const navigate = useNavigate();
  const access = catalogueAccess(my);
  const initial = () => (pkg ? packageToValues(pkg) : emptyPackageValues());
  const [values, setValues] = useState<PackageFormValues>(initial);
  const [savedValues, setSavedValues] = useState<PackageFormValues>(initial);
  const [errors, setErrors] = useState<PathErrors>({});
  const [saved, setSaved] = useState(false);
  const [picking, setPicking] = useState(!pkg);
  const [archiving, setArchiving] = useState(false);
  const submitted = useRef(false);
  const create = useCreatePackage(lang);
  const update = useUpdatePackage(pkg?.id ?? '', lang);
  const status = usePackageStatus(lang);
  const save = pkg ? update : create;
  const readOnly = !access.canWrite || pkg?.status === 'archived';
  const currency = pkg?.currency ?? packageCurrency(values);
  const dirty = JSON.stringify(values) !== JSON.stringify(savedValues);
  const checked = packageBody(values);
  const policyPreview = checked.ok ? policySchema.safeParse(checked.body.policy) : null;

  const change = (next: PackageFormValues) => {
    setValues(next);
    setSaved(false);
    if (submitted.current) {
      const result = packageBody(next);
      setErrors(result.ok ? {} : result.errors);
    }
  };
  const set = <K extends keyof PackageFormValues>(key: K, value: PackageFormValues[K]) =>
    change({ ...values, [key]: value });
  const setLine = (index: number, patch: Partial<LineValues>) =>
    set(
      'lines',
      values.lines.map((line, i) => (i === index ? { ...line, ...patch } : line)),
    );
  const moveLine = (index: number, by: -1 | 1) => {
    const lines = [...values.lines];
    const [line] = lines.splice(index, 1);
    lines.splice(index + by, 0, line!);
    set('lines', lines);
  };
  const pick = (item: ItemView) => set('lines', [...values.lines, lineFromItem(item, my.partner.id)]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submitted.current = true;
    const result = packageBody(values);
    if (!result.ok) {
      setErrors(result.errors);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    const onError = (error: unknown) => {
      if (isApiError(error) && error.fieldErrors.length) setErrors(problemPathErrors(error.fieldErrors, values.rules));
    };
    if (pkg) {
      update.mutate(result.body, {
        onSuccess: (next) => {
          const fresh = packageToValues(next);
          setValues(fresh);
          setSavedValues(fresh);
          setSaved(true);
        },
        onError,
      });
    } else {
      create.mutate(result.body, {
        onSuccess: (next) => navigate(`/partner/packages/${next.id}`, { replace: true, state: { created: true } }),
        onError,
      });
    }
  };

  return (
    <div className="stack" data-testid="package-builder">
      <Link to="/partner/packages" className="back-link">
        ← {t('builder.back')}
      </Link>
      <div className="card-header">
        <div>
          <h2 style={{ margin: 0 }}>{pkg ? pkg.title : t('builder.newTitle')}</h2>
          {pkg && (
            <div className="row" style={{ marginTop: 'var(--space-2)' }}>
              <StatusBadge status={pkg.status} />
              <span className="muted">{t('builder.currency', { currency: pkg.currency })}</span>
            </div>
          )}
        </div>
        {pkg && access.canWrite && (
          <div className="row">
            {statusActions(pkg.status).map((action) => (
              <button
                key={action}
                type="button"
                className={action === 'archive' ? 'btn btn-ghost' : 'btn btn-primary'}
                data-testid={`package-${action}`}
                disabled={status.isPending || (action === 'publish' && (!access.canPublish || dirty))}
                title={
                  action === 'publish' && !access.canPublish
                    ? t('catalogue:access.publishNeedsVerification')
                    : action === 'publish' && dirty
                      ? t('builder.saveFirst')
                      : undefined
                }
                onClick={() => (action === 'archive' ? setArchiving(true) : status.mutate({ id: pkg.id, action }))}
              >
                {t(`catalogue:actions.${action}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      <AccessNotices my={my} />
      {pkg?.status === 'archived' && (
        <p className="alert" role="note">
          {t('builder.archivedNote')}
        </p>
      )}
      {created && (
        <p className="alert alert-success" role="status" data-testid="package-created">
          {t('builder.created')}
        </p>
      )}
      <ProblemAlert error={status.error} />
      <div className="builder-layout">
        <div className="stack builder-main">
          <form className="form" noValidate onSubmit={onSubmit} data-testid="package-form">
            <fieldset disabled={readOnly} className="builder-fieldset">
              <section className="card stack" aria-labelledby="package-about">
                <h3 id="package-about">{t('builder.about')}</h3>
                <TranslationTabs
                  value={values.translations}
                  errors={errors}
                  disabled={readOnly}
                  testId="package"
                  onChange={(locale, text) => set('translations', { ...values.translations, [locale]: text })}
                />
                <div className="field">
                  <span className="chips-label" id="package-tags-label">
                    {t('builder.tags')}
                  </span>
                  <div className="tag-toggles" role="group" aria-labelledby="package-tags-label">
                    {itemTags.map((tag) => {
                      const on = values.tags.includes(tag);
                      return (
                        <button
                          key={tag}
                          type="button"
                          className="tag-toggle"
                          aria-pressed={on}
                          onClick={() => set('tags', on ? values.tags.filter((x) => x !== tag) : [...values.tags, tag])}
                        >
                          {t(`catalogue:tags.${tag}`)}
                        </button>
                      );
                    })}
                  </div>
                </div>
                <div className="builder-grid-2">
                  <TextField
                    label={t('builder.availableFrom')}
                    hint={t('builder.saleWindowHint')}
                    type="date"
                    value={values.availableFrom}
                    errors={errors.availableFrom}
                    testId="package-available-from"
                    onChange={(event) => set('availableFrom', event.target.value)}
                  />
                  <TextField
                    label={t('builder.availableTo')}
                    type="date"
                    value={values.availableTo}
                    errors={errors.availableTo}
                    testId="package-available-to"
                    onChange={(event) => set('availableTo', event.target.value)}
                  />
                </div>
              </section>

              <section className="card stack" aria-labelledby="package-lines">
                <div className="card-header" style={{ margin: 0 }}>
                  <div>
                    <h3 id="package-lines">{t('lines.title')}</h3>
                    <p className="field-hint" style={{ margin: 0 }}>
                      {currency ? t('lines.hintCurrency', { currency }) : t('lines.hint')}
                    </p>
                  </div>
                  {!readOnly && (
                    <button
                      type="button"
                      className="btn btn-secondary btn-sm"
                      aria-expanded={picking}
                      data-testid="lines-add"
                      onClick={() => setPicking((open) => !open)}
                    >
                      {picking ? t('lines.closePicker') : t('lines.add')}
                    </button>
                  )}
                </div>
                {values.lines.length === 0 ? (
                  <p className="muted" data-testid="lines-empty" style={{ margin: 0 }}>
                    {t('lines.empty')}
                  </p>
                ) : (
                  <ol className="plain-list line-list">
                    {values.lines.map((line, index) => (
                      <LineRow
                        key={`${line.itemId}-${index}`}
                        line={line}
                        index={index}
                        count={values.lines.length}
                        errors={errors}
                        readOnly={readOnly}
                        onChange={(patch) => setLine(index, patch)}
                        onRemove={() =>
                          set(
                            'lines',
                            values.lines.filter((_, i) => i !== index),
                          )
                        }
                        onMove={(by) => moveLine(index, by)}
                      />
                    ))}
                  </ol>
                )}
                <Errors codes={errors.lines} testId="lines-error" />
                {picking && !readOnly && (
                  <ItemPicker
                    chosen={new Set(values.lines.map((line) => line.itemId))}
                    currency={currency}
                    onPick={pick}
                  />
                )}
              </section>

              <section className="card stack" aria-labelledby="package-rules">
                <div>
                  <h3 id="package-rules">{t('rules.title')}</h3>
                  <p className="field-hint" style={{ margin: 0 }}>
                    {t('rules.hint')}
                  </p>
                </div>
                <RulesEditor
                  rules={values.rules}
                  currency={currency}
                  errors={errors}
                  disabled={readOnly}
                  onChange={(rules) => set('rules', rules)}
                />
                <Errors codes={errors.rules} />
              </section>

              <section className="card stack" aria-labelledby="package-policy">
                <h3 id="package-policy">{t('policy.title')}</h3>
                <PolicyEditor
                  tiers={values.tiers}
                  errors={errors}
                  disabled={readOnly}
                  onChange={(tiers) => set('tiers', tiers)}
                />
                {policyPreview?.success && (
                  <div>
                    <span className="chips-label">{t('policy.inWords')}</span>
                    <PolicyWords policy={policyPreview.data} />
                  </div>
                )}
              </section>
            </fieldset>
            <ProblemAlert error={save.error} />
            {saved && (
              <p className="alert alert-success" role="status" data-testid="package-saved">
                {t('builder.saved')}
              </p>
            )}
            {!readOnly && (
              <button
                type="submit"
                className="btn btn-primary form-submit"
                disabled={save.isPending}
                data-testid="package-save"
              >
                {save.isPending && <span className="spinner spinner-sm" aria-hidden="true" />}
                {pkg ? t('builder.save') : t('builder.create')}
              </button>
            )}
          </form>
          <PackageImages pkg={pkg} readOnly={readOnly} />
        </div>
        <aside className="builder-aside">
          {pkg ? (
            <PricePreview pkg={pkg} dirty={dirty} />
          ) : (
            <section className="card stack" data-testid="preview-needs-save">
              <h3 style={{ margin: 0 }}>{t('preview.title')}</h3>
              <p className="muted" style={{ margin: 0 }}>
                {t('preview.needsSave')}
              </p>
            </section>
          )}
        </aside>
      </div>
      {pkg && (
        <ConfirmDialog
          open={archiving}
          danger
          title={t('builder.archiveTitle')}
          confirmLabel={t('catalogue:actions.archive')}
          testId="package-archive-dialog"
          pending={status.isPending}
          onCancel={() => setArchiving(false)}
          onConfirm={() => status.mutate({ id: pkg.id, action: 'archive' }, { onSettled: () => setArchiving(false) })}
        >
          <p>{t('builder.archiveBody', { title: pkg.title })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function EditPackage({ my, id }: { my: MyPartner; id: string }) {
  const lang = useLang();
  const pkg = usePackage(id, lang);
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  if (pkg.isPending) return <Loading />;
  if (pkg.isError) return <ProblemAlert error={pkg.error} />;
  return <PackageForm key={pkg.data.id} my={my} pkg={pkg.data} created={created} />;
}

export function PackageBuilderPage() {
  const { t } = useTranslation('packages');
  const { packageId } = useParams();
  useDocumentTitle(packageId ? t('builder.editTitle') : t('builder.newTitle'));
  return (
    <WithMyPartner>
      {(my) => (packageId ? <EditPackage my={my} id={packageId} /> : <PackageForm my={my} pkg={null} />)}
    </WithMyPartner>
  );
}
