import type { ReactNode } from 'react';
import './auth-card.css';

/** The card of the pages an e-mail links to (verify, forgot, reset): same width as sign-in. */
export function LinkCard({
  titleId,
  title,
  subtitle,
  children,
  testId,
}: {
  titleId: string;
  title: string;
  subtitle?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="card auth-card stack" aria-labelledby={titleId} data-testid={testId}>
      <header>
        <h1 id={titleId} className="page-title">
          {title}
        </h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </header>
      {children}
    </section>
  );
}
