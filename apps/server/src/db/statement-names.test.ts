import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalDatabaseUrl } from '../../test/harness.ts';
import { openDatabase } from './client.ts';
import { users } from './schema/index.ts';
import { nameStatements, statementName } from './statement-names.ts';

/**
 * ADR 047: parameterised statements go to PostgreSQL as named ones, parsed once per connection. Read
 * back from the connection's own `pg_prepared_statements`. PostgreSQL only (PGlite has no pool).
 */
describe.runIf(externalDatabaseUrl)('named statements on PostgreSQL', () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: externalDatabaseUrl as string, max: 1 });
  });
  afterAll(() => pool.end());

  /** The statements this connection holds prepared, by the text they were prepared from. */
  const preparedOn = async (client: pg.PoolClient) =>
    (
      await client.query<{ name: string; statement: string }>(
        'select name, statement from pg_prepared_statements',
      )
    ).rows;

  it('prepares a statement with parameters once and runs it again by its name', async () => {
    const client = await pool.connect();
    try {
      nameStatements(client);
      const text = 'select $1::int + 1 as n';
      for (const n of [1, 2, 3]) expect((await client.query(text, [n])).rows).toEqual([{ n: n + 1 }]);
      const config = { text: 'select $1::text as s' };
      expect((await client.query(config, ['a'])).rows).toEqual([{ s: 'a' }]);
      expect((await client.query(config, ['b'])).rows).toEqual([{ s: 'b' }]);
      // The query object the caller keeps (Drizzle reuses its own) is not changed.
      expect(config).toEqual({ text: 'select $1::text as s' });
      await client.query('select 1 as plain');
      const held = await preparedOn(client);
      expect(held.filter((p) => p.statement === text)).toEqual([
        { name: statementName(text), statement: text },
      ]);
      expect(held.map((p) => p.statement)).toContain('select $1::text as s');
      expect(held.map((p) => p.statement)).not.toContain('select 1 as plain');
    } finally {
      client.release(true);
    }
  });

  it('runs texts beyond the cap unnamed, and still answers them', async () => {
    const client = await pool.connect();
    try {
      nameStatements(client, 2);
      for (const k of [1, 2, 3, 4]) {
        const text = `select $1::int * ${k} as n`;
        expect((await client.query(text, [5])).rows).toEqual([{ n: 5 * k }]);
        expect((await client.query(text, [6])).rows).toEqual([{ n: 6 * k }]);
      }
      const held = (await preparedOn(client)).map((p) => p.statement).sort();
      expect(held).toEqual(['select $1::int * 1 as n', 'select $1::int * 2 as n']);
    } finally {
      client.release(true);
    }
  });

  it('serves the app’s queries, builder and hand-written, inside and outside transactions', async () => {
    const database = await openDatabase({ kind: 'postgres', url: externalDatabaseUrl as string, poolMax: 1 });
    try {
      const db = database.db;
      const read = () => db.select({ id: users.id }).from(users).where(eq(users.email, 'nobody@names.test'));
      for (let i = 0; i < 3; i++) expect(await read()).toEqual([]);
      const counted = await db.transaction(async (tx) => {
        await tx.execute(sql`select ${1}::int as one`);
        return tx.execute<{ n: number }>(
          sql`select count(*)::int as n from ${users} where ${users.email} = ${'x'}`,
        );
      });
      expect(counted.rows).toEqual([{ n: 0 }]);
      const { rows } = await (database.pool as pg.Pool).query<{ n: string }>(
        `select count(*) as n from pg_prepared_statements where statement like 'select "id" from "users"%'`,
      );
      expect(Number(rows[0]?.n)).toBe(1);
      // The same object through Drizzle's own driver, without the app's client: unchanged behaviour.
      expect(await drizzle(pool).execute(sql`select ${2}::int as two`)).toMatchObject({ rows: [{ two: 2 }] });
    } finally {
      await database.close();
    }
  });
});
