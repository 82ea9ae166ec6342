import type { PackageView } from '@contracts/http';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoManager } from '../catalogue/photo-manager.tsx';
import { useLang } from '../catalogue/use-lang.ts';
import { useDeletePackageImage, useUploadPackageImage } from './packages-queries.ts';

/**
 * The package's own photos, which travellers see first in its gallery: previews, upload (JPEG,
 * PNG, WebP up to 5 MB, as for items) and removal. Before the package exists there is nothing
 * to attach them to, so it says so.
 */
export function PackageImages({ pkg, readOnly }: { pkg: PackageView | null; readOnly: boolean }) {
  const { t } = useTranslation('packages');
  return (
    <section className="card stack" aria-labelledby="package-images-title" data-testid="package-images">
      <div>
        <h3 id="package-images-title" style={{ margin: 0 }}>
          {t('images.title')}
        </h3>
        <p className="field-hint" style={{ margin: 0 }}>
          {t('images.hint')}
        </p>
      </div>
      {pkg ? (
        <PackageImageList pkg={pkg} readOnly={readOnly} />
      ) : (
        <p className="muted" style={{ margin: 0 }} data-testid="package-images-after-create">
          {t('images.afterCreate')}
        </p>
      )}
    </section>
  );
}

function PackageImageList({ pkg, readOnly }: { pkg: PackageView; readOnly: boolean }) {
  const { t } = useTranslation('packages');
  const lang = useLang();
  const id = useId();
  const upload = useUploadPackageImage(pkg.id, lang);
  const remove = useDeletePackageImage(pkg.id, lang);
  const text = {
    empty: t('images.empty'),
    add: t('images.add'),
    remove: t('images.remove'),
    uploading: t('images.uploading'),
    uploaded: t('images.uploaded'),
    removed: t('images.removed'),
    alt: (n: number) => t('images.alt', { title: pkg.title, n }),
    removeLabel: (n: number) => t('images.removeLabel', { n }),
  };
  return (
    <PhotoManager
      images={[...pkg.images].sort((a, b) => a.position - b.position)}
      readOnly={readOnly}
      upload={upload}
      remove={remove}
      text={text}
      testId="package"
      inputId={id}
    />
  );
}
