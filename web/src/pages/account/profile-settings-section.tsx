import { updateProfileBodySchema, type User } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { languageNames, supportedLanguages } from '../../i18n/languages.ts';
import { formLevelError } from '../../lib/form-errors.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useUpdateProfile } from './account-queries.ts';

const languageOptions = supportedLanguages.map((code) => ({ value: code, label: languageNames[code] }));
const profileRequired = ['displayName'] as const;

/** Name and preferred language, stored on the account: the portal and the e-mails follow it. */
export function ProfileSettingsSection({ user }: { user: User }) {
  const { t } = useTranslation('account');
  const update = useUpdateProfile();
  const form = useSchemaForm({ displayName: user.displayName, locale: user.locale }, updateProfileBodySchema, {
    required: profileRequired,
  });
  const unchanged = form.values.displayName.trim() === user.displayName && form.values.locale === user.locale;

  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <p className="muted">{t('settings.description')}</p>
      <form
        ref={form.formRef}
        className="form"
        noValidate
        onSubmit={(event) => {
          const body = form.validate(event);
          if (!body) return;
          update.mutate(body, {
            onSuccess: (saved) => form.reset({ displayName: saved.displayName, locale: saved.locale }),
            onError: (error) => form.applyServerError(error),
          });
        }}
      >
        <TextField label={t('settings.displayName')} autoComplete="name" {...form.field('displayName')} />
        <SelectField
          label={t('settings.language')}
          hint={t('settings.languageHint')}
          options={languageOptions}
          {...form.field('locale')}
          testId="field-account-locale"
        />
        <ProblemAlert error={formLevelError(update.error)} />
        <div className="row">
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="settings-save"
            disabled={update.isPending || unchanged}
          >
            {update.isPending ? t('settings.saving') : t('settings.save')}
          </button>
          {update.isSuccess && unchanged && (
            <span role="status" className="muted">
              {t('settings.saved')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
