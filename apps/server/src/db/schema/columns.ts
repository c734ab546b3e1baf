import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Column helpers shared by the schema files. */

/** PostgreSQL's full-text document type; only ever written by the database (a generated column). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
