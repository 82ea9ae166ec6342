import './partner-mark.css';

/**
 * The partner's logo square (`.pp-logo`), or its initials on orange (`.pp-initials`) when it has
 * none: on the public profile view, the overview summary and the logo picker.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]?.slice(0, 2)];
  return letters
    .map((word) => word?.[0] ?? '')
    .join('')
    .toUpperCase();
}
