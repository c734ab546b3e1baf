/** The parts of PayPal's REST resources this adapter reads (Orders v2, Payments v2, webhooks). */

export interface PaypalMoney {
  currency_code: string;
  value: string;
}

export interface PaypalLink {
  href: string;
  rel: string;
  method?: string;
}

export interface PaypalCapture {
  id: string;
  status: 'COMPLETED' | 'DECLINED' | 'PARTIALLY_REFUNDED' | 'PENDING' | 'REFUNDED' | 'FAILED' | string;
  status_details?: { reason?: string };
  amount?: PaypalMoney;
  custom_id?: string;
  invoice_id?: string;
  supplementary_data?: { related_ids?: { order_id?: string } };
  links?: PaypalLink[];
}

export interface PaypalOrder {
  id: string;
  status: 'CREATED' | 'SAVED' | 'APPROVED' | 'VOIDED' | 'COMPLETED' | 'PAYER_ACTION_REQUIRED' | string;
  purchase_units?: {
    custom_id?: string;
    invoice_id?: string;
    amount?: PaypalMoney;
    payments?: { captures?: PaypalCapture[] };
  }[];
  links?: PaypalLink[];
}

export interface PaypalRefund {
  id: string;
  status: 'COMPLETED' | 'PENDING' | 'CANCELLED' | 'FAILED' | string;
  status_details?: { reason?: string };
  amount?: PaypalMoney;
  links?: PaypalLink[];
}

export interface PaypalWebhookEvent {
  id: string;
  event_type: string;
  resource_type?: string;
  resource: Record<string, unknown>;
}

/** The currencies PayPal takes that this academy sells in (PayPal does not take PKR). */
export const PAYPAL_CURRENCIES = new Set(['USD']);

/** Integer minor units → PayPal's decimal string with two decimals (`1999` → `"19.99"`). */
export function toPaypalValue(minor: number): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new Error(`bad amount ${minor}`);
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

/** PayPal's decimal string → integer minor units (`"19.9"` → `1990`); NaN when it is not a number. */
export function fromPaypalValue(value: string | undefined): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value ?? '');
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
