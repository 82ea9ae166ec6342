import { useEffect, useRef, useState } from 'react';
import { useLocation, useOutlet } from 'react-router-dom';
import { PageSuspense } from './lazy-page.tsx';
import './animated-outlet.css';

/** Top-level section of a path: sub-navigation inside /partner does not replay the page transition. */
function sectionKey(pathname: string): string {
  return pathname.split('/')[1] ?? '';
}

/**
 * The current page, faded in (CSS, so the first load needs no animation library) when the
 * top-level section changes. Focus moves to the new page's main landmark for screen readers.
 */
export function AnimatedOutlet() {
  const location = useLocation();
  const outlet = useOutlet();
  const key = sectionKey(location.pathname);
  const first = useRef(true);
  // The first page of a visit appears at once; every section after it fades in.
  const [firstKey] = useState(key);
  const [navigated, setNavigated] = useState(false);
  if (!navigated && key !== firstKey) setNavigated(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [key]);

  return (
    <div key={key} className={navigated || key !== firstKey ? 'page-enter' : undefined}>
      <PageSuspense>{outlet}</PageSuspense>
    </div>
  );
}
