import type { Currency } from '../api/types.ts';

/** Digits after the decimal point of each currency's minor unit (paisa and cents are hundredths). */
export const MINOR_UNIT_DIGITS: Record<Currency, number> = { PKR: 2, USD: 2 };

/** `250000` PKR → "PKR 2,500.00" (in the reader's language). */
export function formatMoney(minor: number, currency: Currency, language: string): string {
  const digits = MINOR_UNIT_DIGITS[currency];
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/** Major units as typed ("2500", "2,500.5") → minor units, or null when it is not a valid amount. */
export function parseMoney(input: string, currency: Currency): number | null {
  const text = input.replaceAll(',', '').trim();
  const digits = MINOR_UNIT_DIGITS[currency];
  if (!new RegExp(`^\\d{1,9}(\\.\\d{0,${digits}})?$`).test(text)) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units → the text the price field shows ("2500.00"). */
export function minorToInput(minor: number, currency: Currency): string {
  const digits = MINOR_UNIT_DIGITS[currency];
  return (minor / 10 ** digits).toFixed(digits);
}
