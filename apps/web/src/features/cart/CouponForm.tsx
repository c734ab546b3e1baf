import type { CouponProblem } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';

type CouponFormProps = {
  code: string | null;
  /** Undefined while there is nothing to price. */
  problem: CouponProblem | null | undefined;
  onApply: (code: string) => void;
  onRemove: () => void;
  isBusy: boolean;
};

/** The coupon field: apply a code, see why it does not apply, take it off. */
export function CouponForm({ code, problem, onApply, onRemove, isBusy }: CouponFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.trim()) onApply(draft.trim());
  }

  if (code)
    return (
      <div className="space-y-2">
        <div className="flex items-center justify-between gap-2 text-sm">
          <span>
            {t('cart.coupon.applied')} <strong>{code}</strong>
          </span>
          <Button variant="ghost" size="sm" disabled={isBusy} onClick={onRemove}>
            {t('cart.coupon.remove')}
          </Button>
        </div>
        {problem ? <Alert tone="warning">{t(`cart.couponProblems.${problem}`)}</Alert> : null}
      </div>
    );
  return (
    <form onSubmit={submit} className="flex items-end gap-2">
      <Field
        label={t('cart.coupon.label')}
        name="coupon"
        value={draft}
        maxLength={40}
        autoComplete="off"
        onChange={(e) => setDraft(e.target.value)}
        className="flex-1"
      />
      <Button type="submit" variant="secondary" isLoading={isBusy}>
        {t('cart.coupon.apply')}
      </Button>
    </form>
  );
}
