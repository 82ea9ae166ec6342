import type { CatalogueStatus } from '@tourconnect/contracts/http';

/**
 * An item's status machine: draft → published ⇄ paused, and any of them → archived, which is
 * final. Publishing also needs a verified partner (checked by the use case). Pure.
 */
export type ItemTransition = 'publish' | 'pause' | 'archive';

const transitions: Record<ItemTransition, Partial<Record<CatalogueStatus, CatalogueStatus>>> = {
  publish: { draft: 'published', paused: 'published' },
  pause: { published: 'paused' },
  archive: { draft: 'archived', published: 'archived', paused: 'archived' },
};

/** The status after `transition`, or undefined when it is not allowed from `from`. */
export function nextItemStatus(from: CatalogueStatus, transition: ItemTransition): CatalogueStatus | undefined {
  return transitions[transition][from];
}

/** Archived items stay for the packages and bookings that name them, and never change again. */
export function itemEditable(status: CatalogueStatus): boolean {
  return status !== 'archived';
}
