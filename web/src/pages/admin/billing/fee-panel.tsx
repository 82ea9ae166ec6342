import { partnerTypes } from '@contracts/http';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FEE_MAX_BPS, FEE_MIN_BPS, feeScopes, type FeeRule, type FeeScope } from '../../../api/billing-admin-api.ts';
import { SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { HoldingForm } from './holding-form.tsx';
import { formatBps, percentToBps } from './money-format.ts';
import { useDeleteFee, useFees, useSaveFee } from './money-queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The platform fee: the default, the rules (a partner's contract beats its type, its type beats
 * the global rule), and a form to set one. The admin types a percentage; the API takes basis points.
 */
export function FeePanel() {
  const { t, i18n } = useTranslation('billing-admin');
  const query = useFees();
  const remove = useDeleteFee();

  return (
    <div className="stack">
      <section className="card" aria-labelledby="fees-title" data-testid="money-fees">
        <h2 id="fees-title">{t('fees.title')}</h2>
        <p className="muted" style={{ marginTop: 0 }}>
          {t('fees.description')}
        </p>
        <ProblemAlert error={query.error ?? remove.error} />
        {query.isPending && <Loading />}
        {query.data && (
          <>
            <p data-testid="money-fee-default">
              {t('fees.default')} <strong>{formatBps(query.data.defaultBps, i18n.language)}</strong>
            </p>
            {query.data.rules.length === 0 ? (
              <p className="muted" data-testid="money-fee-no-rules">
                {t('fees.noRules')}
              </p>
            ) : (
              <RulesTable
                rules={query.data.rules}
                onDelete={(rule) => remove.mutate(rule)}
                deleting={remove.isPending}
              />
            )}
          </>
        )}
      </section>
      <FeeForm />
      <HoldingForm />
    </div>
  );
}

function RulesTable({
  rules,
  onDelete,
  deleting,
}: {
  rules: FeeRule[];
  onDelete: (rule: { scope: FeeScope; scopeKey: string }) => void;
  deleting: boolean;
}) {
  const { t, i18n } = useTranslation('billing-admin');
  const col = (key: string) => t(`fees.columns.${key}`);
  const appliesTo = (rule: FeeRule) => {
    if (rule.scope === 'global') return t('fees.allPartners');
    if (rule.scope === 'partner_type')
      return t(`common:partnerTypes.${rule.scopeKey}`, { defaultValue: rule.scopeKey });
    return rule.scopeKey;
  };
  return (
    <div className="table-wrap money-table">
      <table className="table table-stack">
        <caption className="visually-hidden">{t('fees.rulesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{col('scope')}</th>
            <th scope="col">{col('appliesTo')}</th>
            <th scope="col" className="num">
              {col('fee')}
            </th>
            <th scope="col">{col('updatedAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{col('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={`${rule.scope}:${rule.scopeKey}`} data-testid="money-fee-rule">
              <td data-label={col('scope')}>{t(`fees.scopes.${rule.scope}`)}</td>
              <td data-label={col('appliesTo')}>
                <span className={rule.scope === 'partner' ? 'mono' : undefined}>{appliesTo(rule)}</span>
              </td>
              <td data-label={col('fee')} className="num">
                {formatBps(rule.bps, i18n.language)}
              </td>
              <td data-label={col('updatedAt')}>{formatDateTime(rule.updatedAt, i18n.language)}</td>
              <td>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  disabled={deleting}
                  aria-label={t('fees.removeLabel', { target: appliesTo(rule) })}
                  onClick={() => onDelete({ scope: rule.scope, scopeKey: rule.scopeKey })}
                >
                  {t('fees.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface Draft {
  scope: FeeScope;
  partnerType: string;
  partnerId: string;
  percent: string;
}

const emptyDraft: Draft = { scope: 'global', partnerType: partnerTypes[0], partnerId: '', percent: '' };

/** Field errors as codes (translated by the fields through the errors namespace). */
function validate(draft: Draft): { percent?: string[]; partnerId?: string[] } {
  const errors: { percent?: string[]; partnerId?: string[] } = {};
  const bps = percentToBps(draft.percent);
  if (bps === null || bps < FEE_MIN_BPS || bps > FEE_MAX_BPS) errors.percent = ['fee_out_of_range'];
  if (draft.scope === 'partner' && !UUID.test(draft.partnerId.trim())) errors.partnerId = ['invalid_partner_id'];
  return errors;
}

function scopeKeyOf(draft: Draft): string {
  if (draft.scope === 'partner_type') return draft.partnerType;
  if (draft.scope === 'partner') return draft.partnerId.trim().toLowerCase();
  return '*';
}

function FeeForm() {
  const { t } = useTranslation('billing-admin');
  const save = useSaveFee();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validate(draft) : {};
  const set = (patch: Partial<Draft>) => {
    save.reset();
    setDraft((current) => ({ ...current, ...patch }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validate(draft);
    if (found.percent || found.partnerId) return;
    save.mutate(
      { scope: draft.scope, scopeKey: scopeKeyOf(draft), bps: percentToBps(draft.percent)! },
      {
        onSuccess: () => {
          setDraft(emptyDraft);
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="fee-form-title">
      <h2 id="fee-form-title">{t('fees.formTitle')}</h2>
      <p className="muted" style={{ marginTop: 0 }}>
        {t('fees.formDescription')}
      </p>
      <form className="fee-form" noValidate onSubmit={submit} data-testid="money-fee-form">
        <SelectField
          label={t('fees.scope')}
          name="scope"
          value={draft.scope}
          testId="money-fee-scope"
          options={feeScopes.map((scope) => ({ value: scope, label: t(`fees.scopes.${scope}`) }))}
          onChange={(event) => set({ scope: event.target.value as FeeScope })}
        />
        {draft.scope === 'partner_type' && (
          <SelectField
            label={t('fees.partnerType')}
            name="partnerType"
            value={draft.partnerType}
            options={partnerTypes.map((type) => ({ value: type, label: t(`common:partnerTypes.${type}`) }))}
            onChange={(event) => set({ partnerType: event.target.value })}
          />
        )}
        {draft.scope === 'partner' && (
          <TextField
            label={t('fees.partnerId')}
            hint={t('fees.partnerIdHint')}
            name="partnerId"
            value={draft.partnerId}
            errors={errors.partnerId}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => set({ partnerId: event.target.value })}
          />
        )}
        <TextField
          label={t('fees.percent')}
          hint={t('fees.percentHint')}
          name="percent"
          inputMode="decimal"
          value={draft.percent}
          errors={errors.percent}
          testId="money-fee-percent"
          trailing={<span aria-hidden="true">%</span>}
          onChange={(event) => set({ percent: event.target.value })}
        />
        <ProblemAlert error={save.error} />
        {save.isSuccess && (
          <p className="alert alert-success" role="status">
            {t('fees.saved')}
          </p>
        )}
        <div>
          <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="money-fee-save">
            {save.isPending ? t('fees.saving') : t('fees.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
