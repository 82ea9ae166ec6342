import { AnimatePresence, motion } from 'framer-motion';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { useErrorText } from '../../lib/use-error-text.ts';
import './problem-alert.css';

/**
 * Shows an API failure as a translated alert; field errors are shown by the fields themselves.
 * The request id, useful only to support, sits in a closed "Details" disclosure.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation('errors');
  const errorText = useErrorText();
  const code = isApiError(error) ? error.code : error ? 'generic' : null;
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <AnimatePresence>
      {code && (
        <motion.div
          key={code}
          role="alert"
          className="alert alert-error"
          initial={{ opacity: 0, y: -4 }}
          animate={{ opacity: 1, y: 0 }}
          exit={{ opacity: 0 }}
        >
          <p className="alert-title">{t('title')}</p>
          <p style={{ margin: 0 }}>{errorText(code)}</p>
          {requestId && (
            // For support only: the reference stays folded away under "Details".
            <details className="problem-details" data-testid="problem-details">
              <summary>{t('details')}</summary>
              <p className="muted mono">{t('requestId', { id: requestId })}</p>
            </details>
          )}
        </motion.div>
      )}
    </AnimatePresence>
  );
}
