import type { AdminProduct } from '@9tangle/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { inputClasses } from '../../components/ui/Field.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import {
  deleteProductImage,
  reorderProductImages,
  setProductImageAlt,
  uploadProductImage,
} from './admin-shop-api.ts';

const MAX_IMAGES = 10;

/** Upload (JPEG, PNG, WebP; checked by the server), describe, reorder and delete a product's images. */
export function ProductImagesEditor({
  product,
  onChange,
}: {
  product: AdminProduct;
  onChange: (p: AdminProduct) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const act = useMutation({ mutationFn: (run: () => Promise<AdminProduct>) => run(), onSuccess: onChange });
  const ids = product.images.map((i) => i.id);
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [id] = next.splice(from, 1);
    if (id) next.splice(to, 0, id);
    act.mutate(() => reorderProductImages(product.id, next));
  };

  return (
    <section
      aria-labelledby="images-title"
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6"
    >
      <h2 id="images-title" className="text-xl font-semibold text-slate-900">
        {t('shop.admin.images', { count: product.images.length, max: MAX_IMAGES })}
      </h2>
      <ul className="space-y-3">
        {product.images.map((image, i) => (
          <li key={image.id} className="flex flex-wrap items-center gap-3">
            <img src={image.url} alt="" className="size-16 rounded-lg border border-slate-200 object-cover" />
            <form
              className="flex flex-1 items-center gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                const alt = String(new FormData(e.currentTarget).get('alt') ?? '');
                act.mutate(() => setProductImageAlt(product.id, image.id, alt));
              }}
            >
              <label className="sr-only" htmlFor={`alt-${image.id}`}>
                {t('shop.admin.altText', { n: i + 1 })}
              </label>
              <input
                id={`alt-${image.id}`}
                name="alt"
                maxLength={200}
                defaultValue={image.alt}
                placeholder={t('shop.admin.altPlaceholder')}
                className={`${inputClasses} min-w-0 flex-1 border-slate-300`}
              />
              <Button type="submit" size="sm" variant="secondary">
                {t('shop.admin.saveAlt')}
              </Button>
            </form>
            <Button size="sm" variant="ghost" disabled={i === 0} onClick={() => move(i, i - 1)}>
              {t('shop.admin.moveUp')}
            </Button>
            <Button size="sm" variant="ghost" disabled={i === ids.length - 1} onClick={() => move(i, i + 1)}>
              {t('shop.admin.moveDown')}
            </Button>
            <Button
              size="sm"
              variant="danger"
              onClick={() => act.mutate(() => deleteProductImage(product.id, image.id))}
            >
              {t('shop.admin.delete')}
            </Button>
          </li>
        ))}
      </ul>
      {product.images.length < MAX_IMAGES ? (
        <div>
          <label htmlFor="product-image" className="block text-sm font-medium text-slate-800">
            {t('shop.admin.addImage')}
          </label>
          <input
            id="product-image"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="mt-1 block text-sm"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) act.mutate(() => uploadProductImage(product.id, file));
            }}
          />
        </div>
      ) : null}
      {act.isPending ? <p className="text-sm text-slate-700">{t('common.loading')}</p> : null}
      {act.isError ? <Alert tone="error">{errorMessage(act.error)}</Alert> : null}
    </section>
  );
}
