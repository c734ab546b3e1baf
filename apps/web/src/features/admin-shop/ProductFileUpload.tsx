import type { AdminProduct } from '@9tangle/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { formatBytes } from '../../lib/format-bytes.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { uploadProductFile } from './admin-shop-api.ts';

/** A digital product's downloadable file: private, released to buyers through expiring links. */
export function ProductFileUpload({
  product,
  onChange,
}: {
  product: AdminProduct;
  onChange: (p: AdminProduct) => void;
}) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [progress, setProgress] = useState(0);
  const upload = useMutation({
    mutationFn: (file: File) => uploadProductFile(product.id, file, { onProgress: setProgress }),
    onSuccess: onChange,
  });
  return (
    <section
      aria-labelledby="file-title"
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-6"
    >
      <h2 id="file-title" className="text-xl font-semibold text-slate-900">
        {t('shop.admin.file')}
      </h2>
      <p className="text-sm text-slate-700">
        {product.file
          ? t('shop.admin.currentFile', {
              name: product.file.fileName,
              size: formatBytes(product.file.sizeBytes, i18n.language),
            })
          : t('shop.admin.noFile')}
      </p>
      <label htmlFor="product-file" className="block text-sm font-medium text-slate-800">
        {product.file ? t('shop.admin.replaceFile') : t('shop.admin.uploadFile')}
      </label>
      <input
        id="product-file"
        type="file"
        className="block text-sm"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) upload.mutate(file);
        }}
      />
      {upload.isPending ? <progress value={progress} max={1} aria-label={t('shop.admin.uploading')} /> : null}
      {upload.isError ? <Alert tone="error">{errorMessage(upload.error)}</Alert> : null}
    </section>
  );
}
