import { motion } from 'framer-motion';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

interface ComingSoonCardProps {
  title: string;
  description: string;
  children?: ReactNode;
}

/** An honest placeholder: says what will live here and that it is not built yet. */
export function ComingSoonCard({ title, description, children }: ComingSoonCardProps) {
  const { t } = useTranslation('common');
  return (
    <motion.section className="card" whileHover={{ y: -2 }} transition={{ duration: 0.15 }}>
      <div className="card-header">
        <h2>{title}</h2>
        <span className="badge badge-neutral">{t('comingSoon')}</span>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        {description}
      </p>
      {children}
    </motion.section>
  );
}
