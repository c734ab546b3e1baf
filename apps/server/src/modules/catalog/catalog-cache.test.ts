import { describe, expect, it } from 'vitest';
import { type Cache, createMemoryCache } from '../../platform/cache.ts';
import { CATALOG_VERSION_KEY, createCatalogCache } from './catalog-cache.ts';

/** A shared cache that counts what is asked of it. */
function countingCache(): Cache & { asked: { get: number; getMany: number } } {
  const inner = createMemoryCache();
  const asked = { get: 0, getMany: 0 };
  return {
    ...inner,
    asked,
    get: (key) => {
      // Entries only: without a hearing process, the version itself is read every time.
      if (key !== CATALOG_VERSION_KEY) asked.get += 1;
      return inner.get(key);
    },
    getMany: (keys) => {
      asked.getMany += 1;
      return inner.getMany(keys);
    },
  };
}

describe('catalog entries kept parsed in the process (ADR 056)', () => {
  it('reads an entry from the shared cache once, then from the process, frozen', async () => {
    const shared = countingCache();
    const writer = createCatalogCache(shared);
    let loads = 0;
    const load = async () => {
      loads += 1;
      return { title: 'Python', lessons: [{ id: 'a', at: new Date('2026-01-01T00:00:00Z') }] };
    };
    // The loader's own value, dates and all, to the reader that loaded it.
    const first = await writer.read('course:1', load);
    expect(first.lessons[0]?.at).toBeInstanceOf(Date);
    // Another module's catalog cache over the same shared cache: the kept copy, as JSON gives it.
    const other = createCatalogCache(shared);
    const asked = shared.asked.get;
    const second = await other.read('course:1', load);
    expect(second).toEqual({ title: 'Python', lessons: [{ id: 'a', at: '2026-01-01T00:00:00.000Z' }] });
    expect([loads, shared.asked.get - asked]).toEqual([1, 0]);
    expect(Object.isFrozen(second) && Object.isFrozen(second.lessons[0])).toBe(true);
    expect(() => {
      (second as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect((await other.read('course:1', load)).title).toBe('Python');
  });

  it('reads anew after a bump: the new version names new entries', async () => {
    const shared = countingCache();
    const c = createCatalogCache(shared);
    let n = 0;
    const load = async () => ({ n: ++n });
    expect(await c.read('k', load)).toEqual({ n: 1 });
    expect(await c.read('k', load)).toEqual({ n: 1 });
    await c.bump();
    expect(await c.read('k', load)).toEqual({ n: 2 });
  });

  it('answers many keys from the process, the shared cache and the loader, in order', async () => {
    const shared = countingCache();
    const a = createCatalogCache(shared);
    await a.read('card:1', async () => ({ id: 1 }));
    // card:2 is in the shared cache only (another process stored it).
    const v = await a.version();
    await shared.set(`catalog:v${v}:card:2`, JSON.stringify({ id: 2 }), 60_000);
    const asked: string[][] = [];
    const got = await a.readMany(['card:1', 'card:2', 'card:3'], async (missing) => {
      asked.push(missing);
      return new Map(missing.map((k) => [k, { id: Number(k.slice(5)) }]));
    });
    expect(got).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(asked).toEqual([['card:3']]);
    const calls = shared.asked.getMany;
    // All three are kept now: no round trip at all.
    expect(await a.readMany(['card:3', 'card:1', 'card:2'], async () => new Map())).toEqual([
      { id: 3 },
      { id: 1 },
      { id: 2 },
    ]);
    expect(shared.asked.getMany).toBe(calls);
  });
});
