import type { PaymentAccount } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton.tsx';

/** One account to pay into, with copy buttons for what the buyer types into their app. */
export function AccountCard({ account }: { account: PaymentAccount }) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [t('manual.accountName'), account.accountName],
    [t('manual.accountNumber'), account.accountNumber],
    [t('manual.bankName'), account.bankName],
    [t('manual.iban'), account.iban],
  ];
  return (
    <article
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="manual-account"
    >
      <h3 className="text-lg font-semibold text-slate-900">{account.title}</h3>
      <p className="text-sm text-slate-600">{t(`manual.method.${account.method}`)}</p>
      <dl className="mt-3 space-y-2">
        {rows.map(([label, value]) =>
          value ? (
            <div key={label} className="flex flex-wrap items-center justify-between gap-2">
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="flex items-center gap-2 font-mono text-slate-900" dir="ltr">
                {value}
                <CopyButton value={value} label={t('manual.copyLabel', { what: label })} />
              </dd>
            </div>
          ) : null,
        )}
      </dl>
      {account.instructions ? (
        <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{account.instructions}</p>
      ) : null}
    </article>
  );
}
