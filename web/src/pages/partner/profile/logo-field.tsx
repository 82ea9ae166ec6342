import { LOGO_MAX_BYTES, type Partner } from '@contracts/http';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/api-error.ts';
import { deleteLogo, uploadLogo } from '../../../api/partners-api.ts';
import { fileProblem } from '../../../lib/files.ts';
import { initials } from '../../../components/partner/partner-mark.ts';
import { useErrorText } from '../../../lib/use-error-text.ts';
import { usePartnerMutation } from '../partner-queries.ts';
import { versionedLogoUrl } from '../partner-values.ts';

const logoTypes = ['image/png', 'image/jpeg'] as const;

type Notice = { tone: 'success' | 'error'; text: string } | null;

export function LogoField({ partner, disabled }: { partner: Partner; disabled: boolean }) {
  const { t } = useTranslation('onboarding');
  const errorText = useErrorText();
  const id = useId();
  const [notice, setNotice] = useState<Notice>(null);
  const upload = usePartnerMutation(uploadLogo);
  const remove = usePartnerMutation(() => deleteLogo());
  const busy = upload.isPending || remove.isPending;
  const logo = versionedLogoUrl(partner);
  const fail = (error: unknown) =>
    setNotice({ tone: 'error', text: errorText(isApiError(error) ? error.code : 'generic') });

  const onFile = (file: File | undefined) => {
    if (!file) return;
    const problem = fileProblem(file, LOGO_MAX_BYTES, logoTypes);
    if (problem) return setNotice({ tone: 'error', text: errorText(problem) });
    setNotice(null);
    upload.mutate(file, {
      onSuccess: () => setNotice({ tone: 'success', text: t('profile.logoUploaded') }),
      onError: fail,
    });
  };

  return (
    <div className="field logo-field">
      <span className="chips-label">{t('profile.logo')}</span>
      <div className="row">
        {logo ? (
          <img className="pp-logo" src={logo} alt={t('profileView.logoAlt', { name: partner.name })} />
        ) : (
          <span className="pp-logo pp-initials" aria-hidden="true">
            {initials(partner.name)}
          </span>
        )}
        {!disabled && (
          <div className="file-picker">
            <input
              id={id}
              type="file"
              className="visually-hidden file-input"
              accept={logoTypes.join(',')}
              data-testid="logo-input"
              disabled={busy}
              aria-describedby={`${id}-hint`}
              onChange={(event) => {
                onFile(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
            <label htmlFor={id} className="btn btn-secondary btn-sm file-button" aria-disabled={busy}>
              {busy && <span className="spinner spinner-sm" aria-hidden="true" />}
              {logo ? t('profile.logoReplace') : t('profile.logoUpload')}
            </label>
            {logo && (
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                data-testid="logo-remove"
                disabled={busy}
                onClick={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => setNotice({ tone: 'success', text: t('profile.logoRemoved') }),
                    onError: fail,
                  })
                }
              >
                {t('profile.logoRemove')}
              </button>
            )}
          </div>
        )}
      </div>
      {!disabled && (
        <span id={`${id}-hint`} className="field-hint">
          {t('profile.logoHint')}
        </span>
      )}
      <p className={`doc-notice doc-notice-${notice?.tone ?? 'none'}`} role="status" aria-live="polite">
        {notice?.text}
      </p>
    </div>
  );
}
