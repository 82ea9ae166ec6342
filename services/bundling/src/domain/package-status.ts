import type { CatalogueStatus } from '@tourconnect/contracts/http';

/**
 * A package's status machine: draft → published ⇄ paused, and any of them → archived, which
 * is final. Pure, so the rules are tested in one place.
 */
export type PackageTransition = 'publish' | 'pause' | 'archive';

const transitions: Record<PackageTransition, Partial<Record<CatalogueStatus, CatalogueStatus>>> = {
  publish: { draft: 'published', paused: 'published' },
  pause: { published: 'paused' },
  archive: { draft: 'archived', published: 'archived', paused: 'archived' },
};

/** The status after `transition`, or undefined when it is not allowed from `from`. */
export function nextPackageStatus(from: CatalogueStatus, transition: PackageTransition): CatalogueStatus | undefined {
  return transitions[transition][from];
}

/** An archived package is kept for its bookings' history and never edited again. */
export function packageEditable(status: CatalogueStatus): boolean {
  return status !== 'archived';
}
