import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/use-auth.ts';
import { usePersonContact } from './admin-queries.ts';

/** What the screen knows about the person's part, for when their address is unknown. */
export type PersonHint = 'admin' | 'owner' | 'member' | 'self' | 'system' | 'account';

/** The hint an audit entry's actor role gives. */
export function hintFromRole(role: string | null | undefined): PersonHint {
  if (role === 'admin') return 'admin';
  if (role === 'owner') return 'owner';
  if (role === 'manager' || role === 'viewer') return 'member';
  if (role === 'self') return 'self';
  if (role === 'system') return 'system';
  return 'account';
}

/**
 * A user id as a person, never as the id: "You (Ada)", their e-mail address, "Erased account",
 * or what the screen knows of their part ("An administrator", "The partner's owner"). No user
 * id means the platform acted by itself.
 */
export function PersonName({ userId, hint = 'account' }: { userId: string | null; hint?: PersonHint }) {
  const { t } = useTranslation('admin');
  const { user } = useAuth();
  const isMe = !!userId && userId === user?.id;
  const contact = usePersonContact(isMe ? null : userId);
  if (!userId) return <span data-testid="person-name">{t('people.system')}</span>;
  if (isMe) return <span data-testid="person-name">{t('people.you', { name: user?.displayName })}</span>;
  const data = contact.data;
  if (data?.erased) return <span data-testid="person-name">{t('people.erased')}</span>;
  if (data?.email) {
    return (
      <span data-testid="person-name" className="person-email" title={t(`people.${hint}`)}>
        {data.email}
      </span>
    );
  }
  return (
    <span data-testid="person-name" aria-busy={contact.isPending || undefined}>
      {t(`people.${hint}`)}
    </span>
  );
}
