import { TaxRateBody } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CheckboxField } from '../../components/ui/CheckboxField.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { type FieldErrors, serverFieldErrors, validateForm } from '../../lib/forms.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AdminOnly } from './AdminOnly.tsx';
import { deleteTaxRate, listTaxRates, putTaxRate } from './settings-api.ts';
import { taxRatesKey, useSettingsMutation, useSettingsQuery } from './settings-queries.ts';

/** `/admin/taxes`: a tax rate per country, inclusive in prices or added at checkout. */
export function AdminTaxesPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('cart.admin.taxes.title')}>
      <Taxes />
    </AdminOnly>
  );
}

function Taxes() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const list = useSettingsQuery(taxRatesKey, listTaxRates);
  const put = useSettingsMutation(taxRatesKey, (a: { country: string; body: TaxRateBody }) =>
    putTaxRate(a.country, a.body),
  );
  const remove = useSettingsMutation(taxRatesKey, deleteTaxRate);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const country = String(form.get('country') ?? '')
      .trim()
      .toUpperCase();
    const percent = Number.parseFloat(String(form.get('rate') ?? ''));
    const body = {
      name: String(form.get('name') ?? ''),
      rateBasisPoints: Number.isFinite(percent) ? Math.round(percent * 100) : Number.NaN,
      inclusive: form.get('inclusive') === 'on',
    };
    const checked = validateForm(TaxRateBody, body, t);
    const next: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!/^[A-Z]{2}$/.test(country))
      next.country = t('validation.invalid_format', { defaultValue: 'Invalid' });
    setErrors(next);
    if (!checked.ok || next.country) return;
    put.mutate(
      { country, body: checked.data },
      { onError: (e) => setErrors(serverFieldErrors(e, ['name', 'rateBasisPoints'])) },
    );
  }

  return (
    <div className="space-y-6">
      {list.data?.items.length === 0 ? <p className="text-slate-700">{t('cart.admin.taxes.none')}</p> : null}
      <ul className="divide-y divide-slate-200">
        {list.data?.items.map((r) => (
          <li key={r.country} className="flex items-center gap-4 py-3" data-testid="tax-rate">
            <span className="w-10 font-mono font-bold">{r.country}</span>
            <span className="flex-1">
              {r.name} · {(r.rateBasisPoints / 100).toFixed(2)} %
              {r.inclusive ? ` · ${t('cart.admin.taxes.inclusive')}` : ''}
            </span>
            <Button variant="ghost" size="sm" onClick={() => remove.mutate(r.country)}>
              {t('cart.admin.delete')}
              <span className="sr-only"> {r.country}</span>
            </Button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={submit}
        noValidate
        className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-5 sm:grid-cols-2"
      >
        <Field label={t('cart.admin.taxes.country')} name="country" maxLength={2} error={errors.country} />
        <Field label={t('cart.admin.taxes.name')} name="name" error={errors.name} />
        <Field
          label={t('cart.admin.taxes.rate')}
          name="rate"
          inputMode="decimal"
          error={errors.rateBasisPoints}
        />
        <CheckboxField label={t('cart.admin.taxes.inclusive')} name="inclusive" />
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        {put.isError && !Object.keys(errors).length ? (
          <Alert tone="error">{errorMessage(put.error)}</Alert>
        ) : null}
        {put.isSuccess ? <Alert tone="success">{t('cart.admin.saved')}</Alert> : null}
        <div className="sm:col-span-2">
          <Button type="submit" isLoading={put.isPending}>
            {t('cart.admin.save')}
          </Button>
        </div>
      </form>
    </div>
  );
}
