import type { PackageView } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './package-gallery.css';

/**
 * A drawn lake-and-mountains motif (never a photo) for packages without pictures, with the
 * destination's name, so the page does not pretend to show the place.
 */
export function PackagePlaceholder({ place, compact = false }: { place: string | null; compact?: boolean }) {
  const { t } = useTranslation('booking');
  return (
    <div
      className={`package-placeholder${compact ? ' package-placeholder-compact' : ''}`}
      role="img"
      aria-label={t('gallery.noPhotos')}
      data-testid="package-placeholder"
    >
      <svg viewBox="0 0 320 120" aria-hidden="true" preserveAspectRatio="xMidYMax meet">
        <path d="M0 96 L70 40 L104 66 L150 22 L210 80 L248 52 L320 96" />
        <path d="M0 106 C40 100 60 112 100 106 S160 100 200 106 S270 112 320 104" />
        <path d="M20 116 C60 110 90 120 130 116 S200 110 240 116 S290 120 320 114" />
      </svg>
      {place && <span className="package-placeholder-place">{place}</span>}
    </div>
  );
}

/** The package's pictures: a large one and thumbnails to switch; the drawn placeholder without any. */
export function PackageGallery({ pkg }: { pkg: PackageView }) {
  const { t } = useTranslation('booking');
  const images = [...pkg.images].sort((a, b) => a.position - b.position);
  const [current, setCurrent] = useState(0);
  const shown = images[Math.min(current, images.length - 1)];
  if (!shown) return <PackagePlaceholder place={pkg.destination?.place ?? null} />;
  return (
    <div className="package-gallery" data-testid="package-gallery">
      <img
        className="package-gallery-main"
        src={shown.url}
        alt={t('gallery.photo', { title: pkg.title, index: current + 1, count: images.length })}
      />
      {images.length > 1 && (
        <ul className="package-gallery-thumbs" aria-label={t('gallery.thumbs')}>
          {images.map((image, index) => (
            <li key={image.id}>
              <button
                type="button"
                className="package-gallery-thumb"
                aria-pressed={index === current}
                aria-label={t('gallery.show', { index: index + 1 })}
                onClick={() => setCurrent(index)}
              >
                <img src={image.url} alt="" loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
