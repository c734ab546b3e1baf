import { Currency as CurrencySchema } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../api/types.ts';
import { CheckboxField } from '../../components/ui/CheckboxField.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { minorToInput } from '../../lib/format-money.ts';
import type { FieldErrors } from '../../lib/forms.ts';

type PriceFieldsProps = { priceMinor: number; currency: Currency; errors: FieldErrors };

/** "Free" toggle, price (typed in rupees or dollars, sent in minor units) and currency. */
export function PriceFields({ priceMinor, currency, errors }: PriceFieldsProps) {
  const { t } = useTranslation();
  const [isFree, setIsFree] = useState(priceMinor === 0);
  return (
    <fieldset className="space-y-4 rounded-xl border border-slate-200 p-4 sm:col-span-2">
      <legend className="px-1 text-sm font-semibold text-slate-900">{t('studio.fields.pricing')}</legend>
      <CheckboxField
        name="isFree"
        label={t('studio.fields.isFree')}
        checked={isFree}
        onChange={(event) => setIsFree(event.currentTarget.checked)}
      />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Field
          label={t('studio.fields.price')}
          name="price"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={priceMinor > 0 ? minorToInput(priceMinor, currency) : ''}
          disabled={isFree}
          hint={t('studio.fields.priceHint')}
          error={isFree ? undefined : errors.price}
        />
        <SelectField
          label={t('studio.fields.currency')}
          name="currency"
          defaultValue={currency}
          options={CurrencySchema.options.map((code) => ({ value: code, label: code }))}
          error={errors.currency}
        />
      </div>
    </fieldset>
  );
}
