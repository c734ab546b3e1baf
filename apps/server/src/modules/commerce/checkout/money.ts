/** An amount for people to read (mail, invoices): `PKR 1,500`, `USD 12.50`. */
export function formatMoney(minor: number, currency: string): string {
  const digits = currency === 'PKR' ? 0 : 2;
  const amount = (minor / 100).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: 2,
  });
  return `${currency} ${amount}`;
}
