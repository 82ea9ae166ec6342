import { updatePartnerBodySchema, type MyPartner, type UpdatePartnerBody } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updatePartner } from '../../../api/partners-api.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { selectOptions, useDisplayNames } from '../../../lib/display-names.ts';
import { PartnerProfileView } from '../../../components/partner/partner-profile-view.tsx';
import { RegionLanguageFields } from '../../../components/partner/region-language-fields.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { formLevelError } from '../../../lib/form-errors.ts';
import { useSchemaForm } from '../../../lib/use-schema-form.ts';
import { usePartnerMutation } from '../partner-queries.ts';
import {
  changedDescriptions,
  changedFields,
  previewPartner,
  profileBody,
  profileFields,
  profileValues,
  reviewedFields,
} from '../partner-values.ts';
import { DescriptionsField } from './descriptions-field.tsx';
import { LogoField } from './logo-field.tsx';
import { SocialLinksField } from './social-links-field.tsx';
import './profile-form.css';

/** The reviewed fields (name, legal name, VAT id, country) a save would change. */
function reviewedChanges(patch: UpdatePartnerBody): string[] {
  return reviewedFields.filter((field) => field in patch);
}

/** Which fields a save sends: in review, never the ones the admin is judging. */
function editedFields(locked: boolean): readonly string[] {
  return locked
    ? profileFields.filter((field) => !(reviewedFields as readonly string[]).includes(field))
    : profileFields;
}

/**
 * Edits the profile beside a live preview of the public page; viewers get the same form
 * read-only. In review (`locked`) the business details are read-only and the rest editable.
 */
export function ProfileForm({ my, readOnly, locked }: { my: MyPartner; readOnly: boolean; locked: boolean }) {
  const { t } = useTranslation('onboarding');
  const names = useDisplayNames();
  const { partner } = my;
  const form = useSchemaForm(profileValues(partner), updatePartnerBodySchema, {
    toBody: profileBody,
    required: ['name', 'country'],
    focusServerErrors: true,
  });
  const update = usePartnerMutation(updatePartner);
  const [confirm, setConfirm] = useState<UpdatePartnerBody | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const verified = partner.status === 'verified';

  const save = (patch: UpdatePartnerBody) => {
    setConfirm(null);
    update.mutate(patch, {
      onSuccess: (fresh) => {
        form.reset(profileValues(fresh.partner));
        setNotice(fresh.partner.status === 'pending_review' ? t('profile.savedForReview') : t('profile.saved'));
      },
      onError: (error) => form.applyServerError(error, { invalid_vat: 'vatId' }),
    });
  };

  return (
    <div className="profile-layout">
      <form
        ref={form.formRef}
        className="form profile-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setNotice(null);
          const body = form.validate();
          if (!body || readOnly || update.isPending) return;
          const patch = changedFields(body, partner, editedFields(locked));
          const descriptions = changedDescriptions(form.values.descriptions, partner.descriptions);
          if (descriptions) patch.descriptions = descriptions;
          if (Object.keys(patch).length === 0) return setNotice(t('profile.nothingChanged'));
          // The badge vouches for the name and the legal identity: changing one means a new review.
          if (verified && reviewedChanges(patch).length > 0) return setConfirm(patch);
          save(patch);
        }}
      >
        <fieldset className="card form" disabled={readOnly}>
          <legend className="card-legend">{t('profile.publicSection')}</legend>
          <LogoField partner={partner} disabled={readOnly} />
          <DescriptionsField
            value={form.values.descriptions}
            onChange={(locale, text) => form.set('descriptions', { ...form.values.descriptions, [locale]: text })}
            errors={form.errors.descriptions}
            disabled={readOnly}
          />
          <TextField label={t('business.website')} type="url" placeholder="https://" {...form.field('website')} />
          <SocialLinksField
            value={form.values.socialLinks}
            onChange={(next) => form.set('socialLinks', next)}
            errors={form.errors.socialLinks}
            disabled={readOnly}
          />
          <RegionLanguageFields form={form} disabled={readOnly} />
        </fieldset>
        <fieldset className="card form" disabled={readOnly}>
          <legend className="card-legend">{t('profile.contactSection')}</legend>
          <p className="field-hint">{t('profile.contactHint')}</p>
          <TextField label={t('business.contactEmail')} type="email" {...form.field('contactEmail')} />
          <TextField
            label={t('business.contactPhone')}
            type="tel"
            placeholder="+39 011 123 4567"
            {...form.field('contactPhone')}
          />
        </fieldset>
        <fieldset className="card form" disabled={readOnly || locked} data-testid="profile-business-section">
          <legend className="card-legend">{t('profile.businessSection')}</legend>
          {locked && !readOnly && (
            <p className="alert" role="note" data-testid="profile-locked-in-review">
              {t('profile.lockedInReview')}
            </p>
          )}
          {verified && !readOnly && (
            <p className="alert alert-warning" role="note">
              {t('profile.reviewWarning')}
            </p>
          )}
          <TextField
            label={t('business.name')}
            // Warned as soon as it differs: a verified partner's new name goes back to review.
            hint={
              verified && !readOnly && form.values.name.trim() !== partner.name
                ? t('profile.nameReviewHint')
                : undefined
            }
            {...form.field('name')}
          />
          <TextField label={t('business.legalName')} {...form.field('legalName')} />
          <TextField label={t('business.vatId')} hint={t('business.vatIdHint')} {...form.field('vatId')} />
          <SelectField
            label={t('business.country')}
            options={selectOptions(names.countryOptions)}
            {...form.field('country')}
          />
        </fieldset>
        <ProblemAlert error={formLevelError(update.error, ['invalid_vat'])} />
        <p className="doc-notice doc-notice-success" role="status" aria-live="polite">
          {notice}
        </p>
        {!readOnly && (
          <button
            type="submit"
            className="btn btn-primary form-submit"
            data-testid="profile-save"
            disabled={update.isPending}
          >
            {update.isPending && <span className="spinner spinner-sm" aria-hidden="true" />}
            {update.isPending ? t('profile.saving') : t('profile.save')}
          </button>
        )}
      </form>
      <aside className="profile-preview" aria-labelledby="preview-title" data-testid="profile-preview">
        <h2 id="preview-title" className="preview-title">
          {t('profile.previewTitle')}
        </h2>
        <p className="field-hint">{t('profile.previewHint')}</p>
        <div className="card">
          <PartnerProfileView partner={previewPartner(partner, form.values)} />
        </div>
      </aside>
      <ConfirmDialog
        open={!!confirm}
        title={t('profile.confirmTitle')}
        confirmLabel={t('profile.confirmSave')}
        testId="profile-review-dialog"
        pending={update.isPending}
        onConfirm={() => confirm && save(confirm)}
        onCancel={() => setConfirm(null)}
      >
        {confirm && (
          <p data-testid="profile-review-fields">
            {t('profile.confirmChanged', {
              fields: reviewedChanges(confirm)
                .map((field) => t(`business.${field}`))
                .join(', '),
            })}
          </p>
        )}
        <p>{t('profile.confirmBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
