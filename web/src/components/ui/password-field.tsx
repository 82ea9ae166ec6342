import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './form-fields.tsx';

type PasswordFieldProps = Omit<Parameters<typeof TextField>[0], 'type' | 'trailing'>;

/** Password input with a show/hide toggle, which cuts typos in new passwords. */
export function PasswordField(props: PasswordFieldProps) {
  const { t } = useTranslation('auth');
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      trailing={
        <button type="button" className="btn btn-ghost" aria-pressed={visible} onClick={() => setVisible((v) => !v)}>
          {visible ? t('password.hide') : t('password.show')}
        </button>
      }
    />
  );
}
