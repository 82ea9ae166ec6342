import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Translates a problem or field-error code, falling back to a generic message. */
export function useErrorText(): (code: string) => string {
  const { t } = useTranslation('errors');
  return useCallback((code: string) => t(code, { defaultValue: t('generic') }), [t]);
}
