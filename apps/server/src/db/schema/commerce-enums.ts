import { pgEnum } from 'drizzle-orm/pg-core';

/**
 * The enums several commerce tables share, in a file of their own so the table files only reference
 * each other lazily (`references(() => …)`) and import in any order.
 */
export const itemTypeEnum = pgEnum('commerce_item_type', ['course', 'product']);
export const paymentProviderEnum = pgEnum('payment_provider', ['stripe', 'paypal', 'manual', 'test']);
