import { ShippingZoneBody } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../api/types.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { formatMoney } from '../../lib/format-money.ts';
import { type FieldErrors, serverFieldErrors, validateForm } from '../../lib/forms.ts';
import { AdminOnly } from './AdminOnly.tsx';
import { RateForm } from './RateForm.tsx';
import { createZone, deleteRate, deleteZone, listZones } from './settings-api.ts';
import { useSettingsMutation, useSettingsQuery, zonesKey } from './settings-queries.ts';

/** `/admin/shipping`: zones of countries, each with its rates. */
export function AdminShippingPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('cart.admin.shipping.title')}>
      <Zones />
    </AdminOnly>
  );
}

function Zones() {
  const { t, i18n } = useTranslation();
  const zones = useSettingsQuery(zonesKey, listZones);
  const create = useSettingsMutation(zonesKey, createZone);
  const removeZone = useSettingsMutation(zonesKey, deleteZone);
  const removeRate = useSettingsMutation(zonesKey, deleteRate);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const countries = String(f.get('countries') ?? '')
      .split(/[\s,]+/)
      .filter(Boolean);
    const checked = validateForm(ShippingZoneBody, { name: String(f.get('name') ?? ''), countries }, t);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: () => form.reset(),
      onError: (e) => setErrors(serverFieldErrors(e, ['name', 'countries'])),
    });
  }

  return (
    <div className="space-y-6">
      {zones.data?.items.length === 0 ? (
        <p className="text-slate-700">{t('cart.admin.shipping.none')}</p>
      ) : null}
      {zones.data?.items.map((zone) => (
        <section
          key={zone.id}
          className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5"
          data-testid="zone"
        >
          <div className="flex items-center justify-between gap-4">
            <h2 className="text-lg font-semibold text-slate-900">
              {zone.name}{' '}
              <span className="text-sm font-normal text-slate-600">{zone.countries.join(', ')}</span>
            </h2>
            <Button variant="ghost" size="sm" onClick={() => removeZone.mutate(zone.id)}>
              {t('cart.admin.delete')}
              <span className="sr-only"> {zone.name}</span>
            </Button>
          </div>
          <ul className="divide-y divide-slate-100 text-sm">
            {zone.rates.map((r) => (
              <li key={r.id} className="flex items-center gap-4 py-2">
                <span className="flex-1">
                  {r.name} · {formatMoney(r.baseMinor, r.currency as Currency, i18n.language)}
                  {r.minDays !== null && r.maxDays !== null
                    ? ` · ${t('cart.admin.shipping.days', { min: r.minDays, max: r.maxDays })}`
                    : ''}
                  {r.active ? '' : ` · ${t('cart.admin.inactive')}`}
                </span>
                <Button variant="ghost" size="sm" onClick={() => removeRate.mutate(r.id)}>
                  {t('cart.admin.delete')}
                  <span className="sr-only"> {r.name}</span>
                </Button>
              </li>
            ))}
          </ul>
          <RateForm zoneId={zone.id} />
        </section>
      ))}
      <form
        onSubmit={submit}
        noValidate
        className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-5 sm:grid-cols-2"
      >
        <h2 className="text-lg font-semibold text-slate-900 sm:col-span-2">
          {t('cart.admin.shipping.newZone')}
        </h2>
        <Field label={t('cart.admin.shipping.zoneName')} name="name" error={errors.name} />
        <Field label={t('cart.admin.shipping.countries')} name="countries" error={errors.countries} />
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <div className="sm:col-span-2">
          <Button type="submit" isLoading={create.isPending}>
            {t('cart.admin.save')}
          </Button>
        </div>
      </form>
    </div>
  );
}
