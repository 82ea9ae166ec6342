import type { CampaignView } from '@contracts/http';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { toDecimalText } from '../catalogue/money.ts';
import { useLang } from '../catalogue/use-lang.ts';
import { useUpdateCampaign } from './sponsored-queries.ts';
import {
  campaignEditBody,
  localToday,
  retargets,
  type CampaignEditDraft,
  type EditErrors,
} from './sponsored-values.ts';

/** "12.50" as the partner's language writes it ("12,50" in it, de, fr, es); toMinor reads both. */
function localDecimal(text: string, language: string): string {
  const separator = new Intl.NumberFormat(language).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  return separator === ',' ? text.replace('.', ',') : text;
}

/**
 * A campaign's edit on its card: budget, cost per click and last day change at once; new
 * keywords or destinations send it back to review (the form says so, and warns when they changed).
 */
export function CampaignEditForm({ campaign, onDone }: { campaign: CampaignView; onDone: () => void }) {
  const { t, i18n } = useTranslation('sponsored');
  const lang = useLang();
  const update = useUpdateCampaign(lang);
  const [draft, setDraft] = useState<CampaignEditDraft>({
    keywords: campaign.keywords.join(', '),
    destinations: campaign.destinations.join(', '),
    endsOn: campaign.endsOn,
    cpc: localDecimal(toDecimalText(campaign.cpcMinor, campaign.currency), i18n.language),
    dailyBudget: localDecimal(toDecimalText(campaign.dailyBudgetMinor, campaign.currency), i18n.language),
  });
  const [errors, setErrors] = useState<EditErrors>({});
  // A field's error goes as soon as the partner changes it (it is checked again on save).
  const set = (key: keyof CampaignEditDraft) => (event: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [key]: event.target.value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const backToReview = campaign.status !== 'pending_review' && retargets(draft, campaign);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = campaignEditBody(draft, campaign, localToday());
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    if (Object.keys(result.body).length === 0) return onDone();
    update.mutate({ id: campaign.id, body: result.body }, { onSuccess: onDone });
  };

  return (
    <form className="stack campaign-edit" onSubmit={submit} noValidate data-testid="campaign-edit-form">
      <h4 className="campaign-figures-title">{t('edit.title')}</h4>
      <p className="muted campaign-edit-note">{t('edit.note')}</p>
      <ProblemAlert error={update.error} />
      <div className="campaign-form-grid">
        <TextField
          label={`${t('form.cpc')} (${campaign.currency})`}
          inputMode="decimal"
          value={draft.cpc}
          errors={errors.cpc}
          testId="campaign-edit-cpc"
          onChange={set('cpc')}
        />
        <TextField
          label={`${t('form.dailyBudget')} (${campaign.currency})`}
          inputMode="decimal"
          value={draft.dailyBudget}
          errors={errors.dailyBudget}
          testId="campaign-edit-budget"
          onChange={set('dailyBudget')}
        />
        <TextField
          label={t('form.endsOn')}
          type="date"
          value={draft.endsOn}
          min={campaign.startsOn}
          errors={errors.endsOn}
          testId="campaign-edit-ends"
          onChange={set('endsOn')}
        />
        <TextField
          label={t('form.keywords')}
          hint={t('form.keywordsHint')}
          value={draft.keywords}
          errors={errors.keywords}
          testId="campaign-edit-keywords"
          onChange={set('keywords')}
        />
        <TextField
          label={t('form.destinations')}
          hint={t('form.destinationsHint')}
          value={draft.destinations}
          testId="campaign-edit-destinations"
          onChange={set('destinations')}
        />
      </div>
      {backToReview && (
        <p className="alert alert-warning" role="status" data-testid="campaign-edit-review">
          {t('edit.backToReview')}
        </p>
      )}
      <div className="row campaign-form-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending} data-testid="campaign-edit-save">
          {backToReview ? t('edit.saveForReview') : t('edit.save')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
