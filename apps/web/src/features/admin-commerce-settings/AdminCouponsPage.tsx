import type { AdminCoupon } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../api/types.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { formatMoney } from '../../lib/format-money.ts';
import { AdminOnly } from './AdminOnly.tsx';
import { CouponEditor } from './CouponEditor.tsx';
import { deactivateCoupon, listCoupons } from './settings-api.ts';
import { couponsKey, useSettingsMutation, useSettingsQuery } from './settings-queries.ts';

/** `/admin/coupons`: search, create, edit and deactivate coupons; how often each was used. */
export function AdminCouponsPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('cart.admin.coupons.title')}>
      <Coupons />
    </AdminOnly>
  );
}

function Coupons() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<AdminCoupon | 'new' | null>(null);
  const list = useSettingsQuery([...couponsKey, q], () => listCoupons(q));
  const deactivate = useSettingsMutation(couponsKey, deactivateCoupon);
  const off = (c: AdminCoupon) =>
    c.kind === 'percent'
      ? `${c.percentOff} %`
      : formatMoney(c.amountOffMinor ?? 0, c.currency as Currency, i18n.language);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-4">
        <Field
          label={t('cart.admin.coupons.search')}
          name="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="flex-1"
        />
        <Button onClick={() => setEditing('new')}>{t('cart.admin.coupons.new')}</Button>
      </div>
      {editing ? (
        <CouponEditor
          key={editing === 'new' ? 'new' : editing.id}
          coupon={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {list.data?.items.length === 0 ? (
        <p className="text-slate-700">{t('cart.admin.coupons.none')}</p>
      ) : null}
      <ul className="divide-y divide-slate-200">
        {list.data?.items.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-4 py-3" data-testid="coupon">
            <span className="font-mono font-bold">{c.code}</span>
            <span className="flex-1 text-sm text-slate-700">
              {off(c)} · {c.active ? t('cart.admin.active') : t('cart.admin.inactive')} ·{' '}
              {t('cart.admin.coupons.redeemed', { count: c.redeemedCount })}
              {c.description ? ` · ${c.description}` : ''}
            </span>
            <Button variant="ghost" size="sm" onClick={() => setEditing(c)}>
              {t('cart.admin.edit')}
              <span className="sr-only"> {c.code}</span>
            </Button>
            {c.active ? (
              <Button variant="ghost" size="sm" onClick={() => deactivate.mutate(c.id)}>
                {t('cart.admin.coupons.deactivate')}
                <span className="sr-only"> {c.code}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
