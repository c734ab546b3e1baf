/** A seeded generator (mulberry32): a failing chaos run is replayed with CHAOS_SEED=<the seed it printed>. */
export function seededRandom(seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31))) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    seed,
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
  };
}
