import { PASSWORD_MIN_LENGTH, registerBodySchema } from '@contracts/http';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useSignUp } from '../../auth/auth-mutations.ts';
import { useAuth } from '../../auth/use-auth.ts';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { isSupportedLanguage } from '../../i18n/languages.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { safeNextPath, useSchemaForm } from '../../lib/use-schema-form.ts';

export function SignUpPage() {
  const { t, i18n } = useTranslation('auth');
  const { isAuthenticated } = useAuth();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const signUp = useSignUp();
  const locale = isSupportedLanguage(i18n.language) ? i18n.language : 'en';
  const extra = useCallback(() => ({ locale }), [locale]);
  const form = useSchemaForm({ displayName: '', email: '', password: '' }, registerBodySchema, extra);
  useDocumentTitle(t('signup.title'));

  if (isAuthenticated) return <Navigate to={next} replace />;

  return (
    <section className="card auth-card" aria-labelledby="signup-title">
      <h1 id="signup-title" className="page-title">
        {t('signup.title')}
      </h1>
      <p className="muted">{t('signup.subtitle')}</p>
      <form
        ref={form.formRef}
        className="form"
        noValidate
        onSubmit={(event) => {
          const body = form.validate(event);
          if (body) signUp.mutate(body, { onError: (error) => form.applyServerError(error, { email_taken: 'email' }) });
        }}
      >
        <TextField
          label={t('fields.displayName')}
          autoComplete="name"
          testId="signup-name"
          {...form.bind('displayName')}
        />
        <TextField
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          testId="signup-email"
          {...form.bind('email')}
        />
        <PasswordField
          label={t('fields.password')}
          autoComplete="new-password"
          testId="signup-password"
          hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
          {...form.bind('password')}
        />
        <p className="field-hint" style={{ margin: 0 }}>
          {t('signup.privacyNotice')} <Link to="/privacy">{t('signup.privacyLink')}</Link>
        </p>
        <ProblemAlert error={signUp.error} />
        <button
          type="submit"
          className="btn btn-primary btn-block"
          data-testid="signup-submit"
          disabled={signUp.isPending}
        >
          {signUp.isPending ? t('signup.submitting') : t('signup.submit')}
        </button>
      </form>
      <p className="muted" style={{ marginTop: 'var(--space-4)' }}>
        {t('signup.haveAccount')}{' '}
        <Link to={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('signup.signInLink')}</Link>
      </p>
    </section>
  );
}
