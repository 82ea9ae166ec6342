import { loginBodySchema } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignIn } from '../../auth/auth-mutations.ts';
import { TextField } from '../../components/ui/form-fields.tsx';
import { PasswordField } from '../../components/ui/password-field.tsx';
import { adoptAccountLanguage } from '../../i18n/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { AuthCard } from './auth-card.tsx';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const signIn = useSignIn();
  const form = useSchemaForm({ email: '', password: '' }, loginBodySchema);
  useDocumentTitle(t('signin.title'));

  return (
    <AuthCard
      titleId="signin-title"
      title={t('signin.title')}
      subtitle={t('signin.subtitle')}
      formRef={form.formRef}
      onSubmit={(event) => {
        const body = form.validate(event);
        if (!body) return;
        signIn.mutate(body, {
          onSuccess: (user) => adoptAccountLanguage(user.locale),
          onError: (error) => form.applyServerError(error),
        });
      }}
      error={signIn.error}
      pending={signIn.isPending}
      submitLabel={t('signin.submit')}
      pendingLabel={t('signin.submitting')}
      submitTestId="signin-submit"
      switchPrompt={t('signin.noAccount')}
      switchLabel={t('signin.signUpLink')}
      switchPath="/signup"
    >
      <TextField
        label={t('fields.email')}
        type="email"
        autoComplete="username"
        {...form.field('email')}
        testId="signin-email"
      />
      <PasswordField
        label={t('fields.password')}
        autoComplete="current-password"
        {...form.field('password')}
        testId="signin-password"
      />
      <p className="field-hint" style={{ margin: 0 }}>
        <Link to="/forgot-password" data-testid="signin-forgot">
          {t('signin.forgot')}
        </Link>
      </p>
    </AuthCard>
  );
}
