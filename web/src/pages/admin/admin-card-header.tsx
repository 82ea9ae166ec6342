import type { ReactNode } from 'react';

interface AdminCardHeaderProps {
  titleId: string;
  title: string;
  description: string;
  refreshLabel: string;
  onRefresh: () => void;
  refreshing: boolean;
  /** More actions after the refresh button (the audit card's "verify the chain"). */
  children?: ReactNode;
}

/** The admin cards' shared header: title, one-line description, refresh and any other actions. */
export function AdminCardHeader({
  titleId,
  title,
  description,
  refreshLabel,
  onRefresh,
  refreshing,
  children,
}: AdminCardHeaderProps) {
  return (
    <div className="card-header">
      <div>
        <h2 id={titleId}>{title}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {description}
        </p>
      </div>
      <div className="row" style={{ gap: 'var(--space-2)' }}>
        <button type="button" className="btn btn-ghost" onClick={onRefresh} disabled={refreshing}>
          {refreshLabel}
        </button>
        {children}
      </div>
    </div>
  );
}
