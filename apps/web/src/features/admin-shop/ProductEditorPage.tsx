import type { AdminProduct, ProductBody } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AdminOnly } from './AdminOnly.tsx';
import { archiveProduct, createProduct, getAdminProduct, updateProduct } from './admin-shop-api.ts';
import { ProductFileUpload } from './ProductFileUpload.tsx';
import { ProductForm } from './ProductForm.tsx';
import { ProductImagesEditor } from './ProductImagesEditor.tsx';

/** `/admin/products/new`: the form; saving opens the product's page for images and the file. */
export function NewProductPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: ProductBody) => createProduct(body),
    onSuccess: (p) => void navigate(`/admin/products/${p.id}`),
  });
  return (
    <AdminOnly>
      <PageMeta title={t('shop.admin.newProduct')} description={t('shop.admin.newProduct')} noIndex />
      <TextLink to="/admin/products">{t('shop.admin.back')}</TextLink>
      <h1 className="mt-2 mb-6 text-3xl font-bold text-slate-900">{t('shop.admin.newProduct')}</h1>
      <ProductForm isSaving={create.isPending} error={create.error} onSave={(b) => create.mutate(b)} />
    </AdminOnly>
  );
}

/** `/admin/products/:id`: the product's fields, images, file and archiving. */
export function ProductEditorPage() {
  return (
    <AdminOnly>
      <Editor />
    </AdminOnly>
  );
}

function Editor() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const key = ['admin', 'product', id];
  const product = useQuery({ queryKey: key, queryFn: () => getAdminProduct(id) });
  const replace = (p: AdminProduct) => client.setQueryData(key, p);
  const save = useMutation({
    mutationFn: (body: ProductBody) => updateProduct(id, body),
    onSuccess: replace,
  });
  const archive = useMutation({ mutationFn: () => archiveProduct(id), onSuccess: replace });
  if (product.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (product.isError) return <Alert tone="error">{errorMessage(product.error)}</Alert>;
  const p = product.data;
  return (
    <>
      <PageMeta title={p.name} description={p.name} noIndex />
      <TextLink to="/admin/products">{t('shop.admin.back')}</TextLink>
      <div className="mt-2 mb-6 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold text-slate-900">{p.name}</h1>
        <div className="flex gap-2">
          {p.status === 'active' ? (
            <Button asChild variant="secondary">
              <Link to={`/shop/${p.slug}`}>{t('shop.admin.viewInShop')}</Link>
            </Button>
          ) : null}
          {p.status !== 'archived' ? (
            <Button variant="danger" isLoading={archive.isPending} onClick={() => archive.mutate()}>
              {t('shop.admin.archive')}
            </Button>
          ) : null}
        </div>
      </div>
      {save.isSuccess ? <Alert tone="success">{t('shop.admin.saved')}</Alert> : null}
      <div className="space-y-6">
        <ProductForm
          key={p.updatedAt}
          product={p}
          isSaving={save.isPending}
          error={save.error}
          onSave={(b) => save.mutate(b)}
        />
        <ProductImagesEditor product={p} onChange={replace} />
        {p.type === 'digital' ? <ProductFileUpload product={p} onChange={replace} /> : null}
      </div>
    </>
  );
}
