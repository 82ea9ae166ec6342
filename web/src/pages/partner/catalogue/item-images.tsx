import type { ItemView } from '@contracts/http';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteImage, useUploadImage } from './catalogue-queries.ts';
import { PhotoManager } from './photo-manager.tsx';
import { useLang } from './use-lang.ts';

/** The item's photos: previews, upload (JPEG, PNG, WebP up to 5 MB) and removal. */
export function ItemImages({ item, readOnly }: { item: ItemView; readOnly: boolean }) {
  const { t } = useTranslation('catalogue');
  const lang = useLang();
  const id = useId();
  const upload = useUploadImage(item.id, lang);
  const remove = useDeleteImage(item.id, lang);
  const text = {
    empty: t('images.empty'),
    add: t('images.add'),
    remove: t('images.remove'),
    uploading: t('images.uploading'),
    uploaded: t('images.uploaded'),
    removed: t('images.removed'),
    alt: (n: number) => t('images.alt', { title: item.title, n }),
    removeLabel: (n: number) => t('images.removeLabel', { n }),
  };
  return (
    <section className="card stack" aria-labelledby={`${id}-title`} data-testid="item-images">
      <div>
        <h3 id={`${id}-title`} style={{ margin: 0 }}>
          {t('images.title')}
        </h3>
        <p className="field-hint" style={{ margin: 0 }}>
          {t('images.hint')}
        </p>
      </div>
      <PhotoManager
        images={item.images}
        readOnly={readOnly}
        upload={upload}
        remove={remove}
        text={text}
        testId="item"
        inputId={id}
      />
    </section>
  );
}
