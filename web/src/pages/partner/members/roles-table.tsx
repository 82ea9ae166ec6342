import { memberRoles } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import './roles-table.css';

/** What each role may do, as the service enforces it (services/partners/README.md, Members). */
const capabilities = [
  { id: 'read', roles: ['owner', 'manager', 'viewer'] },
  { id: 'edit', roles: ['owner', 'manager'] },
  { id: 'manage', roles: ['owner'] },
] as const;

export function RolesTable() {
  const { t } = useTranslation('onboarding');
  return (
    <section className="card" aria-labelledby="roles-title">
      <h2 id="roles-title">{t('members.rolesTitle')}</h2>
      <div className="table-wrap">
        <table className="table roles-table">
          <caption className="visually-hidden">{t('members.rolesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('members.capability')}</th>
              {memberRoles.map((role) => (
                <th key={role} scope="col">
                  {t(`roles.${role}.name`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {capabilities.map((capability) => (
              <tr key={capability.id}>
                <th scope="row">{t(`members.capabilities.${capability.id}`)}</th>
                {memberRoles.map((role) => {
                  const allowed = (capability.roles as readonly string[]).includes(role);
                  return (
                    <td key={role} className={allowed ? 'cap-yes' : 'cap-no'} data-label={t(`roles.${role}.name`)}>
                      <span aria-hidden="true">{allowed ? '✓' : '—'}</span>
                      <span className="visually-hidden">
                        {allowed ? t('members.allowed') : t('members.notAllowed')}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="roles-notes">
        {memberRoles.map((role) => (
          <li key={role}>
            <strong>{t(`roles.${role}.name`)}:</strong> {t(`roles.${role}.description`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
