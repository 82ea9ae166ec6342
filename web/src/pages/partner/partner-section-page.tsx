import { NotFoundPage } from '../not-found-page.tsx';

/**
 * `/partner/:section` for a path that is no Partner Portal screen: the not-found page, inside
 * the portal's layout so its navigation stays at hand. Unfinished areas have no placeholder.
 */
export function PartnerSectionPage() {
  return <NotFoundPage />;
}
