// Built once per digit count: `toLocaleString` with options builds a formatter on every call.
const formats = new Map<number, Intl.NumberFormat>();
function formatOf(digits: number): Intl.NumberFormat {
  let f = formats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: 2 });
    formats.set(digits, f);
  }
  return f;
}

/** An amount for people to read (mail, invoices): `PKR 1,500`, `USD 12.50`. */
export function formatMoney(minor: number, currency: string): string {
  const digits = currency === 'PKR' ? 0 : 2;
  return `${currency} ${formatOf(digits).format(minor / 100)}`;
}
