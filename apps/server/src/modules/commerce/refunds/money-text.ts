/** An amount in minor units as a reader writes it (`PKR 1,500.00`), for mail. */
export function moneyText(amountMinor: number, currency: string): string {
  const f = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(amountMinor / 10 ** digits);
}
