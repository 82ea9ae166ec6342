import { PASSWORD_MIN_LENGTH, registerBodySchema } from '@contracts/http';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useSignUp } from '../../auth/auth-mutations.ts';
import { TextField } from '../../components/ui/form-fields.tsx';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { isSupportedLanguage } from '../../i18n/languages.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { AuthCard, safeNextPath } from './auth-card.tsx';
import { LinkCard } from './link-card.tsx';

interface SignUpValues {
  displayName: string;
  email: string;
  password: string;
}

export function SignUpPage() {
  const { t, i18n } = useTranslation('auth');
  const signUp = useSignUp();
  // The account starts in the language the portal is shown in.
  const locale = isSupportedLanguage(i18n.language) ? i18n.language : 'en';
  const toBody = useCallback((values: SignUpValues) => ({ ...values, locale }), [locale]);
  const form = useSchemaForm({ displayName: '', email: '', password: '' }, registerBodySchema, { toBody });
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  useDocumentTitle(t('signup.title'));

  if (signUp.isSuccess && signUp.data.signedIn) return <Navigate to={next} replace />;
  if (signUp.isSuccess) {
    // The same answer for a new and a taken address: the owner of a taken one gets an e-mail instead.
    return (
      <LinkCard titleId="signup-sent-title" title={t('signup.sentTitle')} testId="signup-sent">
        <div className="alert alert-success" role="status">
          {t('signup.sentBody', { email: signUp.data.email })}
        </div>
        <p className="muted">{t('signup.sentHint')}</p>
        <div className="row">
          <Link
            to={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}
            className="btn btn-primary"
            data-testid="signup-sent-signin"
          >
            {t('signup.signInLink')}
          </Link>
        </div>
      </LinkCard>
    );
  }

  return (
    <AuthCard
      titleId="signup-title"
      title={t('signup.title')}
      subtitle={t('signup.subtitle')}
      formRef={form.formRef}
      onSubmit={(event) => {
        const body = form.validate(event);
        if (body) signUp.mutate(body, { onError: (error) => form.applyServerError(error) });
      }}
      error={signUp.error}
      pending={signUp.isPending}
      submitLabel={t('signup.submit')}
      pendingLabel={t('signup.submitting')}
      submitTestId="signup-submit"
      switchPrompt={t('signup.haveAccount')}
      switchLabel={t('signup.signInLink')}
      switchPath="/signin"
    >
      <TextField
        label={t('fields.displayName')}
        autoComplete="name"
        {...form.field('displayName')}
        testId="signup-name"
      />
      <TextField
        label={t('fields.email')}
        type="email"
        autoComplete="email"
        {...form.field('email')}
        testId="signup-email"
      />
      <PasswordField
        label={t('fields.password')}
        autoComplete="new-password"
        hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        {...form.field('password')}
        testId="signup-password"
      />
      <p className="field-hint" style={{ margin: 0 }}>
        {t('signup.privacyNotice')} <Link to="/privacy">{t('signup.privacyLink')}</Link>
      </p>
    </AuthCard>
  );
}
