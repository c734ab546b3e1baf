import { ShippingRateBody } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../api/types.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { parseMoney } from '../../lib/format-money.ts';
import { type FieldErrors, serverFieldErrors, validateForm } from '../../lib/forms.ts';
import { createRate } from './settings-api.ts';
import { useSettingsMutation, zonesKey } from './settings-queries.ts';

const FIELDS = ['name', 'currency', 'baseMinor', 'perKgMinor', 'freeOverMinor', 'minDays', 'maxDays'];

/** Add a rate to a zone: amounts typed in major units, converted to minor units here. */
export function RateForm({ zoneId }: { zoneId: string }) {
  const { t } = useTranslation();
  const create = useSettingsMutation(zonesKey, (body: ShippingRateBody) => createRate(zoneId, body));
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const currency = text('currency') as Currency;
    const money = (k: string) => (text(k) ? (parseMoney(text(k), currency) ?? Number.NaN) : null);
    const days = (k: string) => (text(k) ? Number(text(k)) : null);
    const body = {
      name: text('name'),
      currency,
      baseMinor: money('base') ?? 0,
      perKgMinor: money('perKg') ?? 0,
      freeOverMinor: money('freeOver'),
      minDays: days('minDays'),
      maxDays: days('maxDays'),
    };
    const checked = validateForm(ShippingRateBody, body, t);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: () => form.reset(),
      onError: (e) => setErrors(serverFieldErrors(e, FIELDS)),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-4">
      <Field label={t('cart.admin.shipping.rateName')} name="name" error={errors.name} />
      <SelectField
        label={t('cart.admin.coupons.currency')}
        name="currency"
        options={[
          { value: 'PKR', label: 'PKR' },
          { value: 'USD', label: 'USD' },
        ]}
      />
      <Field label={t('cart.admin.shipping.base')} name="base" inputMode="decimal" error={errors.baseMinor} />
      <Field
        label={t('cart.admin.shipping.perKg')}
        name="perKg"
        inputMode="decimal"
        error={errors.perKgMinor}
      />
      <Field
        label={t('cart.admin.shipping.freeOver')}
        name="freeOver"
        inputMode="decimal"
        error={errors.freeOverMinor}
      />
      <Field
        label={t('cart.admin.shipping.minDays')}
        name="minDays"
        inputMode="numeric"
        error={errors.minDays}
      />
      <Field
        label={t('cart.admin.shipping.maxDays')}
        name="maxDays"
        inputMode="numeric"
        error={errors.maxDays}
      />
      <div className="flex items-end">
        <Button type="submit" variant="secondary" isLoading={create.isPending}>
          {t('cart.admin.shipping.newRate')}
        </Button>
      </div>
      {errors.form ? (
        <Alert tone="error" className="sm:col-span-4">
          {errors.form}
        </Alert>
      ) : null}
    </form>
  );
}
