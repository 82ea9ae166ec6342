import { AnimatePresence, motion } from 'framer-motion';
import type { ReactNode } from 'react';
import { popVariants } from '../../lib/motion.ts';
import './popover.css';

interface PopoverProps {
  open: boolean;
  role: 'menu' | 'dialog';
  label?: string;
  className?: string;
  children: ReactNode;
}

/**
 * A panel that pops under its button in the header (user menu, live activity). The parent is
 * the `.user-menu` anchor and closes it with useDismiss (Escape, click outside).
 */
export function Popover({ open, role, label, className, children }: PopoverProps) {
  return (
    <AnimatePresence>
      {open && (
        <motion.div
          className={className ? `popover ${className}` : 'popover'}
          role={role}
          aria-label={label}
          variants={popVariants}
          initial="initial"
          animate="animate"
          exit="exit"
        >
          {children}
        </motion.div>
      )}
    </AnimatePresence>
  );
}
