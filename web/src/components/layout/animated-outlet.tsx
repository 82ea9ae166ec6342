import { AnimatePresence, motion } from 'framer-motion';
import { useEffect, useRef } from 'react';
import { useLocation, useOutlet } from 'react-router-dom';
import { pageTransition, pageVariants } from '../../lib/motion.ts';
import { PageSuspense } from './lazy-page.tsx';

/** Top-level section of a path: sub-navigation inside /partner does not replay the page transition. */
function sectionKey(pathname: string): string {
  return pathname.split('/')[1] ?? '';
}

/**
 * Page transitions. The outlet element is captured per render so the leaving page keeps
 * its content while it fades out. Focus moves to the new page's main landmark for screen readers.
 */
export function AnimatedOutlet() {
  const location = useLocation();
  const outlet = useOutlet();
  const key = sectionKey(location.pathname);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [key]);

  return (
    <AnimatePresence mode="wait" initial={false}>
      <motion.div
        key={key}
        variants={pageVariants}
        initial="initial"
        animate="animate"
        exit="exit"
        transition={pageTransition}
      >
        <PageSuspense>{outlet}</PageSuspense>
      </motion.div>
    </AnimatePresence>
  );
}
