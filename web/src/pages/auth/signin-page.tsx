import { loginBodySchema } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useSignIn } from '../../auth/auth-mutations.ts';
import { useAuth } from '../../auth/use-auth.ts';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { adoptAccountLanguage } from '../../i18n/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { safeNextPath, useSchemaForm } from '../../lib/use-schema-form.ts';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const { isAuthenticated } = useAuth();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const signIn = useSignIn();
  const form = useSchemaForm({ email: '', password: '' }, loginBodySchema);
  useDocumentTitle(t('signin.title'));

  if (isAuthenticated) return <Navigate to={next} replace />;

  return (
    <section className="card auth-card" aria-labelledby="signin-title">
      <h1 id="signin-title" className="page-title">
        {t('signin.title')}
      </h1>
      <p className="muted">{t('signin.subtitle')}</p>
      <form
        ref={form.formRef}
        className="form"
        noValidate
        onSubmit={(event) => {
          const body = form.validate(event);
          if (!body) return;
          signIn.mutate(body, {
            onSuccess: (user) => adoptAccountLanguage(user.locale),
            onError: (error) => form.applyServerError(error),
          });
        }}
      >
        <TextField
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          testId="signin-email"
          {...form.bind('email')}
        />
        <PasswordField
          label={t('fields.password')}
          autoComplete="current-password"
          testId="signin-password"
          {...form.bind('password')}
        />
        <ProblemAlert error={signIn.error} />
        <button
          type="submit"
          className="btn btn-primary btn-block"
          data-testid="signin-submit"
          disabled={signIn.isPending}
        >
          {signIn.isPending ? t('signin.submitting') : t('signin.submit')}
        </button>
      </form>
      <p className="muted" style={{ marginTop: 'var(--space-4)' }}>
        {t('signin.noAccount')}{' '}
        <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('signin.signUpLink')}</Link>
      </p>
    </section>
  );
}
