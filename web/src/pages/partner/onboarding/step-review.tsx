import type { CheckCode, MyPartner } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { ChecksList } from '../../../components/partner/checks-list.tsx';
import { useDisplayNames } from '../../../lib/display-names.ts';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { canManage, useDocuments, useSubmitPartner } from '../partner-queries.ts';
import { descriptionLocales } from '../partner-values.ts';
import { StepForm } from './step-form.tsx';
import { failing, stepOf } from './wizard-steps.ts';
import './step-review.css';

interface StepReviewProps {
  my: MyPartner;
  onBack: () => void;
  onGo: (step: number) => void;
}

function Summary({ my, onGo }: { my: MyPartner; onGo: (step: number) => void }) {
  const { t } = useTranslation('onboarding');
  const names = useDisplayNames();
  const documents = useDocuments(true);
  const { partner } = my;
  const dash = '—';
  const written = descriptionLocales.filter((locale) => partner.descriptions[locale]?.trim());
  const rows: [string, string, number][] = [
    [t('review.type'), t(`common:partnerTypes.${partner.type}`), 1],
    [t('business.name'), partner.name, 2],
    [t('business.legalName'), partner.legalName ?? dash, 2],
    [t('business.vatId'), partner.vatId ?? dash, 2],
    [t('business.country'), names.country(partner.country), 2],
    [t('business.contactEmail'), partner.contactEmail ?? dash, 2],
    [t('regions.regions'), partner.regions.map(names.region).join(', ') || dash, 3],
    [t('regions.languages'), partner.languages.map(names.language).join(', ') || dash, 3],
    [t('review.descriptions'), written.map((l) => names.language(l)).join(', ') || dash, stepOf('profile')],
    [t('profile.logo'), partner.logoUrl ? t('review.logoOnFile') : dash, stepOf('profile')],
    [t('review.documents'), String(documents.data?.length ?? dash), stepOf('documents')],
  ];
  return (
    <dl className="dl review-summary">
      {rows.map(([label, value, step]) => (
        <div key={label} className="review-row">
          <dt>{label}</dt>
          <dd>
            {value}{' '}
            {step > 1 && (
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-label={t('review.editLabel', { field: label })}
                onClick={() => onGo(step)}
              >
                {t('review.edit')}
              </button>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Submit only once no automated check fails; the server re-checks and may still refuse. */
export function StepReview({ my, onBack, onGo }: StepReviewProps) {
  const { t } = useTranslation('onboarding');
  const submit = useSubmitPartner();
  const blocked = my.checks.some((check) => check.status === 'fail');
  const fixAt: Partial<Record<CheckCode, number>> = {
    required_documents: stepOf('documents'),
    profile_complete: stepOf('profile'),
    vat_format: stepOf('business'),
  };
  const fix = (code: CheckCode) => onGo(fixAt[code] ?? stepOf('business'));
  // The profile check gets its own words: "fix the checks" alone does not say a logo is missing.
  const profileMissing = failing(my.checks, 'profile_complete');

  return (
    <StepForm
      onSubmit={() => {
        if (!blocked && !submit.isPending) submit.mutate();
      }}
    >
      <Summary my={my} onGo={onGo} />
      <section aria-labelledby="checks-title" className="stack">
        <h3 id="checks-title">{t('review.checksTitle')}</h3>
        <ChecksList checks={my.checks} onFix={fix} />
      </section>
      <p className="muted" id="submit-hint">
        {profileMissing ? t('review.profileMissing') : blocked ? t('review.blocked') : t('review.ready')}
      </p>
      <ProblemAlert error={submit.error} />
      <div className="wizard-nav">
        <button type="button" className="btn btn-secondary" data-testid="wizard-back" onClick={onBack}>
          {t('wizard.back')}
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="wizard-submit"
          disabled={blocked || submit.isPending || !canManage(my)}
          aria-describedby="submit-hint"
        >
          {submit.isPending && <span className="spinner spinner-sm" aria-hidden="true" />}
          {submit.isPending ? t('review.submitting') : t('review.submit')}
        </button>
      </div>
    </StepForm>
  );
}
