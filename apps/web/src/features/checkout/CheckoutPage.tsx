import type { CheckoutProvider, CreateOrderBody } from '@9tangle/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCheckoutOptions, getCheckoutQuote, placeOrder } from '../../api/checkout.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { RequireAuth } from '../session/RequireAuth.tsx';
import { OrderTotals } from './OrderTotals.tsx';

type Step = 'contact' | 'shipping' | 'payment' | 'review';

/** `/checkout`: contact, shipping (only when something ships), payment method, the server's quote, place. */
export function CheckoutPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth title={t('checkout.title')}>
      {(me) => <Checkout name={me.user.name} email={me.user.email} />}
    </RequireAuth>
  );
}

function Checkout({ name, email }: { name: string; email: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [step, setStep] = useState<Step>('contact');
  const [contact, setContact] = useState({ name, email, phone: '' });
  const [country, setCountry] = useState('PK');
  const [address, setAddress] = useState({ name, line1: '', city: '', postalCode: '' });
  const [rateId, setRateId] = useState<string | undefined>();
  const [coupon, setCoupon] = useState('');
  const [provider, setProvider] = useState<CheckoutProvider | undefined>();
  // One key per visit of this page: a double click or a retried request returns the same order.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const options = useQuery({ queryKey: ['checkout', 'options'], queryFn: getCheckoutOptions });
  const quoteBody = {
    country,
    ...(rateId ? { shippingRateId: rateId } : {}),
    ...(coupon ? { couponCode: coupon } : {}),
  };
  const quote = useQuery({
    queryKey: ['checkout', 'quote', quoteBody],
    queryFn: () => getCheckoutQuote(quoteBody),
    enabled: /^[A-Za-z]{2}$/.test(country),
  });
  const place = useMutation({
    mutationFn: () => {
      const ships = quote.data?.quote?.requiresShipping;
      const body: CreateOrderBody = {
        contact: {
          name: contact.name,
          email: contact.email,
          ...(contact.phone ? { phone: contact.phone } : {}),
        },
        country,
        provider: provider ?? 'test',
        ...(coupon ? { couponCode: coupon } : {}),
        ...(ships && rateId
          ? {
              shippingRateId: rateId,
              shippingAddress: {
                name: address.name,
                line1: address.line1,
                city: address.city,
                country,
                ...(address.postalCode ? { postalCode: address.postalCode } : {}),
              },
            }
          : {}),
      };
      return placeOrder(body, idempotencyKey);
    },
    onSuccess: (placed) => window.location.assign(placed.redirectUrl),
  });

  const data = quote.data;
  const ships = data?.quote?.requiresShipping ?? false;
  const steps: Step[] = ships
    ? ['contact', 'shipping', 'payment', 'review']
    : ['contact', 'payment', 'review'];
  const go = (delta: number) => setStep(steps[Math.max(0, steps.indexOf(step) + delta)] ?? 'contact');
  const next = (e: FormEvent) => {
    e.preventDefault();
    go(1);
  };
  const available = options.data?.providers.filter((p) => p.available) ?? [];

  if (data && !data.quote && data.unavailable.length === 0)
    return (
      <Alert>
        {t('checkout.empty')} <TextLink to="/courses">{t('checkout.browse')}</TextLink>
      </Alert>
    );
  return (
    <div className="mx-auto grid max-w-5xl gap-10 lg:grid-cols-[1fr_22rem]">
      <PageMeta title={t('checkout.title')} description={t('meta.private')} noIndex />
      <div>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('checkout.title')}</h1>
        <ol className="mt-4 flex gap-4 text-sm text-slate-600">
          {steps.map((s) => (
            <li
              key={s}
              aria-current={s === step ? 'step' : undefined}
              className={s === step ? 'font-bold text-indigo-700' : ''}
            >
              {t(`checkout.steps.${s}`)}
            </li>
          ))}
        </ol>
        {data && data.unavailable.length > 0 ? (
          <Alert tone="warning" className="mt-4">
            {t('checkout.unavailable', { items: data.unavailable.map((u) => u.title).join(', ') })}
          </Alert>
        ) : null}
        <form className="mt-6 space-y-4" onSubmit={next}>
          {step === 'contact' ? (
            <>
              <Field
                label={t('checkout.contact.name')}
                name="name"
                required
                value={contact.name}
                onChange={(e) => setContact({ ...contact, name: e.target.value })}
              />
              <Field
                label={t('checkout.contact.email')}
                name="email"
                type="email"
                required
                value={contact.email}
                onChange={(e) => setContact({ ...contact, email: e.target.value })}
              />
              <Field
                label={t('checkout.contact.phone')}
                name="phone"
                value={contact.phone}
                onChange={(e) => setContact({ ...contact, phone: e.target.value })}
              />
              <Field
                label={t('checkout.contact.country')}
                name="country"
                required
                maxLength={2}
                value={country}
                onChange={(e) => setCountry(e.target.value.toUpperCase())}
              />
              <Field
                label={t('checkout.coupon')}
                name="coupon"
                value={coupon}
                onChange={(e) => setCoupon(e.target.value.trim())}
              />
            </>
          ) : null}
          {step === 'shipping' ? (
            <>
              <Field
                label={t('checkout.shipping.name')}
                name="shipName"
                required
                value={address.name}
                onChange={(e) => setAddress({ ...address, name: e.target.value })}
              />
              <Field
                label={t('checkout.shipping.line1')}
                name="line1"
                required
                value={address.line1}
                onChange={(e) => setAddress({ ...address, line1: e.target.value })}
              />
              <Field
                label={t('checkout.shipping.city')}
                name="city"
                required
                value={address.city}
                onChange={(e) => setAddress({ ...address, city: e.target.value })}
              />
              <Field
                label={t('checkout.shipping.postalCode')}
                name="postalCode"
                value={address.postalCode}
                onChange={(e) => setAddress({ ...address, postalCode: e.target.value })}
              />
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">
                  {t('checkout.shipping.method')}
                </legend>
                {data?.shippingRates.length === 0 ? (
                  <p className="text-sm text-slate-700">{t('checkout.shipping.none')}</p>
                ) : null}
                {data?.shippingRates.map((r) => (
                  <label key={r.id} className="mt-2 flex items-center gap-2">
                    <input
                      type="radio"
                      name="rate"
                      required
                      checked={rateId === r.id}
                      onChange={() => setRateId(r.id)}
                    />
                    {r.name}
                  </label>
                ))}
              </fieldset>
            </>
          ) : null}
          {step === 'payment' ? (
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t('checkout.payment.method')}</legend>
              {options.data && available.length === 0 ? (
                <p className="text-sm">{t('checkout.payment.none')}</p>
              ) : null}
              {available.map((p) => (
                <label key={p.name} className="mt-2 flex items-center gap-2">
                  <input
                    type="radio"
                    name="provider"
                    required
                    checked={provider === p.name}
                    onChange={() => setProvider(p.name)}
                  />
                  {t(`checkout.payment.${p.name}`)}
                </label>
              ))}
            </fieldset>
          ) : null}
          {step === 'review' && data?.quote ? <OrderTotals quote={data.quote} /> : null}
          {place.isError ? <Alert tone="error">{errorMessage(place.error)}</Alert> : null}
          <div className="flex gap-3">
            {step !== 'contact' ? (
              <Button variant="secondary" onClick={() => go(-1)}>
                {t('checkout.back')}
              </Button>
            ) : null}
            {step === 'review' ? (
              <Button onClick={() => place.mutate()} isLoading={place.isPending} disabled={!data?.quote}>
                {t('checkout.place')}
              </Button>
            ) : (
              <Button type="submit">{t('checkout.next')}</Button>
            )}
          </div>
        </form>
      </div>
      <aside className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        {quote.isError ? <Alert tone="error">{errorMessage(quote.error)}</Alert> : null}
        {data?.quote ? <OrderTotals quote={data.quote} /> : <p role="status">{t('common.loading')}</p>}
      </aside>
    </div>
  );
}
