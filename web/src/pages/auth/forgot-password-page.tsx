import { forgotPasswordBodySchema } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TextField } from '../../components/ui/form-fields.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formLevelError } from '../../lib/form-errors.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useForgotPassword } from '../account/account-queries.ts';
import { LinkCard } from './link-card.tsx';

/**
 * Asks for a reset link. The answer reads the same whether or not the address has an account,
 * so this page cannot be used to find out who is registered.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const forgot = useForgotPassword();
  const form = useSchemaForm({ email: '' }, forgotPasswordBodySchema, { required: ['email'] });
  useDocumentTitle(t('forgot.title'));

  if (forgot.isSuccess) {
    return (
      <LinkCard titleId="forgot-title" title={t('forgot.sentTitle')} testId="forgot-sent">
        <div className="alert alert-success" role="status">
          {t('forgot.sentBody', { email: forgot.data.email })}
        </div>
        <p className="muted">{t('forgot.sentHint')}</p>
        <div className="row">
          <Link to="/signin" className="btn btn-primary">
            {t('forgot.backToSignIn')}
          </Link>
          <button type="button" className="btn btn-ghost" onClick={() => forgot.reset()}>
            {t('forgot.tryAgain')}
          </button>
        </div>
      </LinkCard>
    );
  }

  return (
    <LinkCard titleId="forgot-title" title={t('forgot.title')} subtitle={t('forgot.subtitle')}>
      <form
        ref={form.formRef}
        className="form"
        noValidate
        onSubmit={(event) => {
          const body = form.validate(event);
          if (body) forgot.mutate(body, { onError: (error) => form.applyServerError(error) });
        }}
      >
        <TextField
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          {...form.field('email')}
          testId="forgot-email"
        />
        <ProblemAlert error={formLevelError(forgot.error)} />
        <button
          type="submit"
          className="btn btn-primary btn-block"
          data-testid="forgot-submit"
          disabled={forgot.isPending}
        >
          {forgot.isPending ? t('forgot.submitting') : t('forgot.submit')}
        </button>
      </form>
      <p className="muted">
        <Link to="/signin">{t('forgot.backToSignIn')}</Link>
      </p>
    </LinkCard>
  );
}
