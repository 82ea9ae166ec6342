import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useLang } from '../catalogue/use-lang.ts';
import { useCampaignTargets, useCreateCampaign } from './sponsored-queries.ts';
import { addDaysText, campaignBody, localToday, type CampaignDraft, type DraftErrors } from './sponsored-values.ts';

/** "Cost per click (EUR)" once the target (and so the currency) is chosen. */
const withCurrency = (label: string, currency: string | null) => (currency ? `${label} (${currency})` : label);

/** A new campaign: which published package or item, what it targets, when, and what a click and a day may cost. */
export function CampaignForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('sponsored');
  const lang = useLang();
  const targets = useCampaignTargets(lang);
  const create = useCreateCampaign(lang);
  const today = localToday();
  const [draft, setDraft] = useState<CampaignDraft>({
    target: '',
    title: '',
    keywords: '',
    destinations: '',
    startsOn: today,
    endsOn: addDaysText(today, 30),
    cpc: '',
    dailyBudget: '',
  });
  const [errors, setErrors] = useState<DraftErrors>({});
  const options = targets.data ?? [];
  const chosen = options.find((o) => `${o.kind}:${o.id}` === draft.target);
  const currency = chosen?.currency ?? null;
  const set = (key: keyof CampaignDraft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = campaignBody(draft, currency, today);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(result.body, { onSuccess: onDone });
  };

  if (targets.isSuccess && options.length === 0) {
    return (
      <section className="card empty-state" data-testid="campaign-no-targets">
        <h3>{t('form.noTargetsTitle')}</h3>
        <p className="muted">{t('form.noTargetsBody')}</p>
      </section>
    );
  }

  return (
    <form className="card stack campaign-form" onSubmit={submit} noValidate data-testid="campaign-form">
      <h3>{t('form.title')}</h3>
      <p className="muted">{t('form.reviewNote')}</p>
      <ProblemAlert error={targets.error ?? create.error} />
      <SelectField
        label={t('form.target')}
        value={draft.target}
        placeholder={t('form.targetPlaceholder')}
        options={options.map((o) => ({
          value: `${o.kind}:${o.id}`,
          label: `${t(`kind.${o.kind}`)} · ${o.title}`,
        }))}
        errors={errors.target}
        testId="campaign-target"
        onChange={set('target')}
      />
      <TextField
        label={t('form.name')}
        hint={t('form.nameHint')}
        value={draft.title}
        maxLength={120}
        testId="campaign-title"
        onChange={set('title')}
      />
      <div className="campaign-form-grid">
        <TextField
          label={t('form.keywords')}
          hint={t('form.keywordsHint')}
          value={draft.keywords}
          errors={errors.keywords}
          testId="campaign-keywords"
          onChange={set('keywords')}
        />
        <TextField
          label={t('form.destinations')}
          hint={t('form.destinationsHint')}
          value={draft.destinations}
          testId="campaign-destinations"
          onChange={set('destinations')}
        />
        <TextField
          label={t('form.startsOn')}
          type="date"
          value={draft.startsOn}
          errors={errors.startsOn}
          testId="campaign-starts"
          onChange={set('startsOn')}
        />
        <TextField
          label={t('form.endsOn')}
          type="date"
          value={draft.endsOn}
          min={draft.startsOn}
          errors={errors.endsOn}
          testId="campaign-ends"
          onChange={set('endsOn')}
        />
        <TextField
          label={withCurrency(t('form.cpc'), currency)}
          hint={t('form.cpcHint')}
          inputMode="decimal"
          value={draft.cpc}
          errors={errors.cpc}
          testId="campaign-cpc"
          onChange={set('cpc')}
        />
        <TextField
          label={withCurrency(t('form.dailyBudget'), currency)}
          hint={t('form.dailyBudgetHint')}
          inputMode="decimal"
          value={draft.dailyBudget}
          errors={errors.dailyBudget}
          testId="campaign-budget"
          onChange={set('dailyBudget')}
        />
      </div>
      <div className="row campaign-form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="campaign-submit">
          {t('form.submit')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
