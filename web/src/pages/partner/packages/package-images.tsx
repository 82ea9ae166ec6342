import type { PackageView } from '@contracts/http';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/api-error.ts';
import { imageUrl } from '../../../api/bundling-api.ts';
import { fileProblem } from '../../../lib/files.ts';
import { useErrorText } from '../../../lib/use-error-text.ts';
import { useLang } from '../catalogue/use-lang.ts';
import { useDeletePackageImage, useUploadPackageImage } from './packages-queries.ts';
import '../catalogue/item-images.css';

/** What the service accepts, as for items (it sniffs the bytes; this only spares a pointless upload). */
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

type Notice = { tone: 'success' | 'error'; text: string } | null;

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
  const errorText = useErrorText();
  const lang = useLang();
  const id = useId();
  const upload = useUploadPackageImage(pkg.id, lang);
  const remove = useDeletePackageImage(pkg.id, lang);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<string | null>(null);
  const busy = upload.isPending || remove.isPending;
  const images = [...pkg.images].sort((a, b) => a.position - b.position);

  // The local preview of a file being uploaded lives until the answer arrives.
  useEffect(() => () => (pending ? URL.revokeObjectURL(pending) : undefined), [pending]);

  const fail = (error: unknown) =>
    setNotice({ tone: 'error', text: errorText(isApiError(error) ? error.code : 'generic') });

  const onFile = (file: File | undefined) => {
    if (!file) return;
    const problem = fileProblem(file, IMAGE_MAX_BYTES, imageTypes);
    if (problem) return setNotice({ tone: 'error', text: errorText(problem) });
    setNotice(null);
    setPending(URL.createObjectURL(file));
    upload.mutate(file, {
      onSuccess: () => setNotice({ tone: 'success', text: t('images.uploaded') }),
      onError: fail,
      onSettled: () => setPending(null),
    });
  };

  return (
    <>
      {images.length === 0 && !pending ? (
        <p className="muted" data-testid="package-images-empty" style={{ margin: 0 }}>
          {t('images.empty')}
        </p>
      ) : (
        <ul className="plain-list image-grid">
          {images.map((image, index) => (
            <li key={image.id} className="image-tile" data-testid="package-image">
              <img src={imageUrl(image.id)} alt={t('images.alt', { title: pkg.title, n: index + 1 })} loading="lazy" />
              {!readOnly && (
                <button
                  type="button"
                  className="btn btn-danger btn-sm image-remove"
                  disabled={busy}
                  data-testid="package-image-remove"
                  aria-label={t('images.removeLabel', { n: index + 1 })}
                  onClick={() =>
                    remove.mutate(image.id, {
                      onSuccess: () => setNotice({ tone: 'success', text: t('images.removed') }),
                      onError: fail,
                    })
                  }
                >
                  {t('images.remove')}
                </button>
              )}
            </li>
          ))}
          {pending && (
            <li className="image-tile image-uploading">
              <img src={pending} alt="" />
              <span className="spinner" role="status" aria-label={t('images.uploading')} />
            </li>
          )}
        </ul>
      )}
      {!readOnly && (
        <div className="file-picker">
          <input
            id={id}
            type="file"
            className="visually-hidden file-input"
            accept={imageTypes.join(',')}
            data-testid="package-image-input"
            disabled={busy}
            onChange={(event) => {
              onFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <label htmlFor={id} className="btn btn-secondary btn-sm file-button" aria-disabled={busy}>
            {upload.isPending && <span className="spinner spinner-sm" aria-hidden="true" />}
            {t('images.add')}
          </label>
        </div>
      )}
      <p className={`doc-notice doc-notice-${notice?.tone ?? 'none'}`} role="status" aria-live="polite">
        {notice?.text}
      </p>
    </>
  );
}
