import {
  type AdminProduct,
  Currency,
  type ProductBody,
  ProductStatuses,
  ProductTypes,
} from '@9tangle/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { RichTextField } from '../../components/ui/RichTextField.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { minorToInput, parseMoney } from '../../lib/format-money.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { listAdminProductCategories } from './admin-shop-api.ts';

type Props = {
  product?: AdminProduct;
  isSaving: boolean;
  error: unknown;
  onSave: (body: ProductBody) => void;
};

/** The product's fields. Amounts are typed in major units and sent in minor units; the server checks all. */
export function ProductForm({ product, isSaving, error, onSave }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const categories = useQuery({
    queryKey: ['admin', 'product-categories'],
    queryFn: listAdminProductCategories,
  });
  const [type, setType] = useState(product?.type ?? 'physical');
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (name: string) => String(f.get(name) ?? '').trim();
    const currency = Currency.parse(text('currency'));
    const price = parseMoney(text('price'), currency);
    const compareAt = text('compareAt') ? parseMoney(text('compareAt'), currency) : null;
    if (price === null || (text('compareAt') && compareAt === null)) {
      setProblem(t('shop.admin.badAmount'));
      return;
    }
    setProblem(null);
    const int = (name: string) => (text(name) === '' ? null : Number.parseInt(text(name), 10));
    onSave({
      name: text('name'),
      ...(text('slug') ? { slug: text('slug') } : {}),
      type: ProductTypes.find((v) => v === text('type')) ?? 'physical',
      status: ProductStatuses.find((v) => v === text('status')) ?? 'draft',
      priceMinor: price,
      compareAtMinor: compareAt,
      currency,
      categoryId: text('categoryId') || null,
      descriptionHtml: String(f.get('descriptionHtml') ?? ''),
      ...(type === 'physical' ? { stock: int('stock'), weightGrams: int('weightGrams') } : {}),
    });
  }

  const currency = product?.currency ?? 'PKR';
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('shop.admin.name')}
          name="name"
          required
          minLength={2}
          maxLength={160}
          defaultValue={product?.name}
        />
        <Field
          label={t('shop.admin.slug')}
          name="slug"
          hint={t('shop.admin.slugHint')}
          defaultValue={product?.slug}
        />
        <SelectField
          label={t('shop.type')}
          name="type"
          value={type}
          onChange={(e) => setType(e.currentTarget.value === 'digital' ? 'digital' : 'physical')}
          options={ProductTypes.map((v) => ({ value: v, label: t(`shop.types.${v}`) }))}
        />
        <SelectField
          label={t('shop.admin.status')}
          name="status"
          defaultValue={product?.status ?? 'draft'}
          options={ProductStatuses.map((v) => ({ value: v, label: t(`shop.admin.statuses.${v}`) }))}
        />
        <Field
          label={t('shop.admin.price')}
          name="price"
          inputMode="decimal"
          required
          defaultValue={product ? minorToInput(product.priceMinor, currency) : ''}
        />
        <Field
          label={t('shop.admin.compareAt')}
          name="compareAt"
          inputMode="decimal"
          hint={t('shop.admin.compareAtHint')}
          defaultValue={product?.compareAtMinor ? minorToInput(product.compareAtMinor, currency) : ''}
        />
        <SelectField
          label={t('shop.admin.currency')}
          name="currency"
          defaultValue={currency}
          options={Currency.options.map((c) => ({ value: c, label: c }))}
        />
        <SelectField
          label={t('shop.category')}
          name="categoryId"
          defaultValue={product?.categoryId ?? ''}
          options={[
            { value: '', label: t('shop.admin.noCategory') },
            ...(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        {type === 'physical' ? (
          <>
            <Field
              label={t('shop.admin.stock')}
              name="stock"
              type="number"
              min={0}
              hint={t('shop.admin.stockHint')}
              defaultValue={product?.stock ?? ''}
            />
            <Field
              label={t('shop.admin.weight')}
              name="weightGrams"
              type="number"
              min={0}
              defaultValue={product?.weightGrams ?? ''}
            />
          </>
        ) : null}
      </div>
      <RichTextField
        label={t('shop.admin.description')}
        name="descriptionHtml"
        hint={t('shop.admin.descriptionHint')}
        previewLabel={t('shop.admin.preview')}
        defaultValue={product?.descriptionHtml ?? ''}
        maxLength={100_000}
      />
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      <Button type="submit" isLoading={isSaving}>
        {t('shop.admin.save')}
      </Button>
    </form>
  );
}
