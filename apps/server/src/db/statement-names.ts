import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * At most this many statements are kept prepared on one connection (PostgreSQL holds each parsed
 * statement and its plan in the backend's memory). The app has a few hundred distinct query texts; a
 * text beyond the cap (an unusual filter combination) runs unnamed, as before.
 */
export const MAX_NAMED_PER_CONNECTION = 1_000;

const names = new Map<string, string>();

/** A name for a query text: the same text always gets the same name. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `q${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    // The texts are the code's, so the map stays small; bounded all the same.
    if (names.size < 10 * MAX_NAMED_PER_CONNECTION) names.set(text, name);
  }
  return name;
}

/**
 * Every parameterised statement a pooled connection runs is sent as a named one (ADR 047): the
 * connection parses it once, and PostgreSQL can keep its plan, where an unnamed statement is parsed and
 * planned on every call. This is what the query builder's `.prepare(name)` does, for every query, as
 * ActiveRecord and JDBC drivers do by default. Statements without parameters (DDL, `begin`, the
 * multi-statement scripts of migrations) stay unnamed.
 */
export function nameStatements(client: pg.PoolClient, cap = MAX_NAMED_PER_CONNECTION): void {
  const prepared = new Set<string>();
  const query = client.query as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    const values = rest[0];
    const text = typeof config === 'string' ? config : unnamedText(config);
    if (text !== null && Array.isArray(values) && values.length > 0) {
      const name = statementName(text);
      if (prepared.has(name) || prepared.size < cap) {
        prepared.add(name);
        const named = typeof config === 'string' ? { text, name } : { ...(config as pg.QueryConfig), name };
        return query.call(this, named, ...rest);
      }
    }
    return query.call(this, config, ...rest);
  };
}

/** The text of a plain query object that has no name yet; null for anything else. */
function unnamedText(config: unknown): string | null {
  if (config === null || typeof config !== 'object') return null;
  // A Submittable (a COPY stream, a cursor) is an object of its own class: passed as it is.
  if (typeof (config as { submit?: unknown }).submit === 'function') return null;
  const { text, name } = config as pg.QueryConfig;
  return typeof text === 'string' && !name ? text : null;
}
