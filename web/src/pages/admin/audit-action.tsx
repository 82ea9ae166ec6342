import { useTranslation } from 'react-i18next';

/** An audit action code ("partner.verified") as its catalogue key ("partner_verified"). */
export function auditActionKey(action: string): string {
  return action.replace(/\./g, '_');
}

/**
 * An audit action in words, in the UI language (admin:auditActions, one list for the decision
 * trail and the audit log). A code no catalogue knows yet reads as plain words, never dotted.
 */
export function AuditAction({ action }: { action: string }) {
  const { t } = useTranslation('admin');
  return (
    <span data-action={action}>
      {t(`auditActions.${auditActionKey(action)}`, { defaultValue: action.replace(/[._]/g, ' ') })}
    </span>
  );
}
