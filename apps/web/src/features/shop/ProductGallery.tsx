import type { ProductDetail } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cn, focusRing } from '../../components/ui/cn.ts';

/** The product's images: the chosen one large, the others as buttons that choose. */
export function ProductGallery({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const current = product.images[index] ?? product.images[0];
  if (!current)
    return (
      <div
        aria-hidden="true"
        className="aspect-square w-full rounded-2xl bg-gradient-to-br from-indigo-100 to-slate-200"
      />
    );
  return (
    <div className="space-y-3">
      <img
        src={current.url}
        alt={current.alt || product.name}
        className="aspect-square w-full rounded-2xl border border-slate-200 bg-white object-contain"
      />
      {product.images.length > 1 ? (
        <ul className="flex flex-wrap gap-2" aria-label={t('shop.gallery')}>
          {product.images.map((image, i) => (
            <li key={image.id}>
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-pressed={i === index}
                aria-label={t('shop.showImage', { n: i + 1 })}
                className={cn(
                  'block size-16 overflow-hidden rounded-lg border-2',
                  i === index ? 'border-indigo-600' : 'border-slate-200',
                  focusRing,
                )}
              >
                <img src={image.url} alt="" className="size-full object-cover" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
