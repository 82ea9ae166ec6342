import { useState } from 'react';
import './partner-logo.css';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]?.[0], words[1]?.[0]] : [words[0]?.[0], words[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}

/** The partner's logo, or its initials when it has none (or the image fails to load). */
export function PartnerLogo({ name, logoUrl, size = 56 }: { name: string; logoUrl: string | null; size?: number }) {
  const [failed, setFailed] = useState(false);
  const style = { width: size, height: size };
  if (logoUrl && !failed) {
    return (
      <img className="partner-logo" src={logoUrl} alt="" style={style} loading="lazy" onError={() => setFailed(true)} />
    );
  }
  return (
    <span className="partner-logo partner-logo-initials" style={{ ...style, fontSize: size * 0.36 }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
