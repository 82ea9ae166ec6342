/** A screen's title and the one sentence under it that says what the screen is for. */
export function PageHeader({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <header>
      <h1 className="page-title">{title}</h1>
      <p className="lead">{subtitle}</p>
    </header>
  );
}
