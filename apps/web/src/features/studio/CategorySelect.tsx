import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { useCategories } from '../catalog/catalog-queries.ts';

type CategorySelectProps = { defaultValue: string | null; error?: string | undefined };

/** The course's category (`categoryId`), or none. */
export function CategorySelect({ defaultValue, error }: CategorySelectProps) {
  const { t } = useTranslation();
  const { data, isPending } = useCategories();
  const options = [
    { value: '', label: isPending ? t('common.loading') : t('studio.form.noCategory') },
    ...(data?.items ?? []).map((category) => ({ value: category.id, label: category.name })),
  ];
  return (
    <SelectField
      // Remount once the list arrives, so the saved category is selected.
      key={data ? 'loaded' : 'loading'}
      label={t('studio.fields.category')}
      name="categoryId"
      defaultValue={defaultValue ?? ''}
      options={options}
      error={error}
    />
  );
}
