import { type AdminCoupon, CouponBody } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../api/types.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CheckboxField } from '../../components/ui/CheckboxField.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';
import { minorToInput, parseMoney } from '../../lib/format-money.ts';
import { type FieldErrors, serverFieldErrors, validateForm } from '../../lib/forms.ts';
import { useCartErrorMessage as useErrorMessage } from '../cart/use-cart-error-message.ts';
import { createCoupon, updateCoupon } from './settings-api.ts';
import { couponsKey, useSettingsMutation } from './settings-queries.ts';

const FIELDS = [
  'code',
  'description',
  'kind',
  'percentOff',
  'amountOffMinor',
  'currency',
  'startsAt',
  'endsAt',
  'maxRedemptions',
  'maxPerUser',
  'minOrderMinor',
  'targets',
];
const toLocal = (iso: string | null) => (iso ? iso.slice(0, 16) : '');

/** Create a coupon, or edit `coupon` (the whole coupon is sent). Amounts are typed in major units. */
export function CouponEditor({ coupon, onDone }: { coupon: AdminCoupon | null; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSettingsMutation(couponsKey, (body: CouponBody) =>
    coupon ? updateCoupon(coupon.id, body) : createCoupon(body),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const money = (minor: number | null) =>
    minor === null ? '' : minorToInput(minor, (coupon?.currency ?? 'PKR') as Currency);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const currency = text('currency') || null;
    const amount = (k: string) =>
      text(k) ? (parseMoney(text(k), (currency ?? 'PKR') as Currency) ?? Number.NaN) : null;
    const int = (k: string) => (text(k) ? Number(text(k)) : null);
    const date = (k: string) => (text(k) ? new Date(text(k)).toISOString() : null);
    const kind = text('kind') === 'fixed' ? 'fixed' : 'percent';
    const body = {
      code: text('code'),
      description: text('description') || null,
      kind,
      percentOff: kind === 'percent' ? int('percentOff') : null,
      amountOffMinor: kind === 'fixed' ? amount('amountOff') : null,
      currency,
      startsAt: date('startsAt'),
      endsAt: date('endsAt'),
      maxRedemptions: int('maxRedemptions'),
      maxPerUser: int('maxPerUser'),
      minOrderMinor: amount('minOrder'),
      active: f.get('active') === 'on',
      targets: text('targets')
        .split(/\s+/)
        .filter(Boolean)
        .map((line) => {
          const [targetType, targetId] = line.split(':');
          return { targetType, targetId };
        }),
    };
    const checked = validateForm(CouponBody, body, t);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    save.mutate(checked.data, {
      onSuccess: onDone,
      onError: (e) => setErrors(serverFieldErrors(e, FIELDS)),
    });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-5 sm:grid-cols-3"
    >
      <Field
        label={t('cart.admin.coupons.code')}
        name="code"
        defaultValue={coupon?.code}
        error={errors.code}
      />
      <Field
        label={t('cart.admin.coupons.description')}
        name="description"
        defaultValue={coupon?.description ?? ''}
        error={errors.description}
        className="sm:col-span-2"
      />
      <SelectField
        label={t('cart.admin.coupons.kind')}
        name="kind"
        defaultValue={coupon?.kind ?? 'percent'}
        options={[
          { value: 'percent', label: t('cart.admin.coupons.percent') },
          { value: 'fixed', label: t('cart.admin.coupons.fixed') },
        ]}
      />
      <Field
        label={t('cart.admin.coupons.percentOff')}
        name="percentOff"
        inputMode="numeric"
        defaultValue={coupon?.percentOff ?? ''}
        error={errors.percentOff}
      />
      <Field
        label={t('cart.admin.coupons.amountOff')}
        name="amountOff"
        inputMode="decimal"
        defaultValue={money(coupon?.amountOffMinor ?? null)}
        error={errors.amountOffMinor}
      />
      <SelectField
        label={t('cart.admin.coupons.currency')}
        name="currency"
        defaultValue={coupon?.currency ?? ''}
        error={errors.currency}
        options={[
          { value: '', label: t('cart.admin.coupons.anyCurrency') },
          { value: 'PKR', label: 'PKR' },
          { value: 'USD', label: 'USD' },
        ]}
      />
      <Field
        label={t('cart.admin.coupons.minOrder')}
        name="minOrder"
        inputMode="decimal"
        defaultValue={money(coupon?.minOrderMinor ?? null)}
        error={errors.minOrderMinor}
      />
      <Field
        label={t('cart.admin.coupons.maxRedemptions')}
        name="maxRedemptions"
        inputMode="numeric"
        defaultValue={coupon?.maxRedemptions ?? ''}
        error={errors.maxRedemptions}
      />
      <Field
        label={t('cart.admin.coupons.maxPerUser')}
        name="maxPerUser"
        inputMode="numeric"
        defaultValue={coupon?.maxPerUser ?? ''}
        error={errors.maxPerUser}
      />
      <Field
        label={t('cart.admin.coupons.startsAt')}
        name="startsAt"
        type="datetime-local"
        defaultValue={toLocal(coupon?.startsAt ?? null)}
        error={errors.startsAt}
      />
      <Field
        label={t('cart.admin.coupons.endsAt')}
        name="endsAt"
        type="datetime-local"
        defaultValue={toLocal(coupon?.endsAt ?? null)}
        error={errors.endsAt}
      />
      <CheckboxField label={t('cart.admin.active')} name="active" defaultChecked={coupon?.active ?? true} />
      <TextareaField
        label={t('cart.admin.coupons.targets')}
        name="targets"
        rows={3}
        defaultValue={coupon?.targets.map((x) => `${x.targetType}:${x.targetId}`).join('\n') ?? ''}
        error={errors.targets}
        className="sm:col-span-3"
      />
      {errors.form ? (
        <Alert tone="error" className="sm:col-span-3">
          {errors.form}
        </Alert>
      ) : null}
      {save.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="error" className="sm:col-span-3">
          {errorMessage(save.error)}
        </Alert>
      ) : null}
      <div className="flex gap-2 sm:col-span-3">
        <Button type="submit" isLoading={save.isPending}>
          {t('cart.admin.save')}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          {t('cart.admin.cancel')}
        </Button>
      </div>
    </form>
  );
}
