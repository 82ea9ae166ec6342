import type { ReactNode } from 'react';
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
 * the `.user-menu` anchor and closes it with useDismiss (Escape, click outside). It pops in
 * with a CSS animation, so the header needs no animation library on the first load.
 */
export function Popover({ open, role, label, className, children }: PopoverProps) {
  if (!open) return null;
  return (
    <div className={className ? `popover ${className}` : 'popover'} role={role} aria-label={label}>
      {children}
    </div>
  );
}
