import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../api/api-error.ts';
import { imageUrl } from '../../../api/bundling-api.ts';
import { fileProblem } from '../../../lib/files.ts';
import { useErrorText } from '../../../lib/use-error-text.ts';
import './item-images.css';

/** What the service accepts for item and package photos (it sniffs the bytes; this only spares a pointless upload). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

type Notice = { tone: 'success' | 'error'; text: string } | null;

export interface PhotoManagerText {
  empty: string;
  add: string;
  remove: string;
  uploading: string;
  uploaded: string;
  removed: string;
  /** The n-th photo's alt text (1-based). */
  alt: (n: number) => string;
  /** The n-th photo's remove button label (1-based). */
  removeLabel: (n: number) => string;
}

export interface PhotoManagerProps {
  /** In display order. */
  images: readonly { id: string }[];
  readOnly: boolean;
  upload: Pick<UseMutationResult<unknown, Error, File>, 'mutate' | 'isPending'>;
  remove: Pick<UseMutationResult<unknown, Error, string>, 'mutate' | 'isPending'>;
  /** The screen's words, translated where its `images.*` strings live. */
  text: PhotoManagerText;
  /** data-testid prefix: `<prefix>-image`, `<prefix>-images-empty`, `<prefix>-image-remove`, `<prefix>-image-input`. */
  testId: string;
  /** The file input's id (the label points at it). */
  inputId: string;
}

/**
 * Photos of an item or a package: previews, upload (JPEG, PNG, WebP up to 5 MB) with a local
 * preview while it travels, and removal, with the outcome announced in the UI language.
 */
export function PhotoManager({ images, readOnly, upload, remove, text, testId, inputId }: PhotoManagerProps) {
  const errorText = useErrorText();
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<string | null>(null);
  const busy = upload.isPending || remove.isPending;

  // The local preview of a file being uploaded lives until the answer arrives.
  useEffect(() => () => (pending ? URL.revokeObjectURL(pending) : undefined), [pending]);

  const fail = (error: unknown) =>
    setNotice({ tone: 'error', text: errorText(isApiError(error) ? error.code : 'generic') });

  const onFile = (file: File | undefined) => {
    if (!file) return;
    const problem = fileProblem(file, PHOTO_MAX_BYTES, imageTypes);
    if (problem) return setNotice({ tone: 'error', text: errorText(problem) });
    setNotice(null);
    setPending(URL.createObjectURL(file));
    upload.mutate(file, {
      onSuccess: () => setNotice({ tone: 'success', text: text.uploaded }),
      onError: fail,
      onSettled: () => setPending(null),
    });
  };

  return (
    <>
      {images.length === 0 && !pending ? (
        <p className="muted" data-testid={`${testId}-images-empty`} style={{ margin: 0 }}>
          {text.empty}
        </p>
      ) : (
        <ul className="plain-list image-grid">
          {images.map((image, index) => (
            <li key={image.id} className="image-tile" data-testid={`${testId}-image`}>
              <img src={imageUrl(image.id)} alt={text.alt(index + 1)} loading="lazy" />
              {!readOnly && (
                <button
                  type="button"
                  className="btn btn-danger btn-sm image-remove"
                  disabled={busy}
                  data-testid={`${testId}-image-remove`}
                  aria-label={text.removeLabel(index + 1)}
                  onClick={() =>
                    remove.mutate(image.id, {
                      onSuccess: () => setNotice({ tone: 'success', text: text.removed }),
                      onError: fail,
                    })
                  }
                >
                  {text.remove}
                </button>
              )}
            </li>
          ))}
          {pending && (
            <li className="image-tile image-uploading">
              <img src={pending} alt="" />
              <span className="spinner" role="status" aria-label={text.uploading} />
            </li>
          )}
        </ul>
      )}
      {!readOnly && (
        <div className="file-picker">
          <input
            id={inputId}
            type="file"
            className="visually-hidden file-input"
            accept={imageTypes.join(',')}
            data-testid={`${testId}-image-input`}
            disabled={busy}
            onChange={(event) => {
              onFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <label htmlFor={inputId} className="btn btn-secondary btn-sm file-button" aria-disabled={busy}>
            {upload.isPending && <span className="spinner spinner-sm" aria-hidden="true" />}
            {text.add}
          </label>
        </div>
      )}
      <p className={`doc-notice doc-notice-${notice?.tone ?? 'none'}`} role="status" aria-live="polite">
        {notice?.text}
      </p>
    </>
  );
}
