/**
 * Deterministic randomness for generated demo data: the same seed gives the same data on every machine, without
 * Math.random. Small and fast enough for 100,000 profiles.
 */

/** splitmix32: mixes a 32-bit state into a well-spread 32-bit value (also used to derive seeds). */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seed derived from several numbers (a seed and an index, say), so that each gets its own stream. */
export function deriveSeed(...parts: number[]): number {
  let state = 0x6a09e667;
  for (const part of parts) state = mix32(state ^ mix32(part | 0) ^ Math.floor(part / 0x1_0000_0000));
  return state;
}

/** A seeded pseudo-random generator (mulberry32) with the helpers the generators need. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of `items` with probability proportional to its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    return pickByShare(items, this.next());
  }

  /** `count` different items (all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const wanted = Math.min(count, copy.length);
    for (let i = 0; i < wanted; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, wanted);
  }
}

/**
 * The item a number `u` in [0, 1) falls on when the unit interval is cut in slices as wide as the weights.
 * With `u` from a low-discrepancy sequence (see `spread`) every prefix of a list follows the weights closely.
 */
export function pickByShare<T>(items: ReadonlyArray<readonly [T, number]>, u: number): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let point = u * total;
  for (const [item, weight] of items) {
    if (point < weight) return item;
    point -= weight;
  }
  return items.at(-1)![0];
}

/**
 * Irrational steps with small partial quotients (golden ratio, √2, √3, √7, √11): each gives an evenly spread
 * sequence, and being independent over the rationals, sequences with different steps do not move together.
 */
const STEPS = [
  0.6180339887498949,
  Math.SQRT2 - 1,
  Math.sqrt(3) - 1,
  Math.sqrt(7) - 2,
  Math.sqrt(11) - 3,
] as const;

/**
 * The `index`th value in [0, 1) of the additive (Weyl) sequence number `stream`, shifted by `offset`. Consecutive
 * values are spread evenly over the interval, so the shares of the first n items are within about 1/n of the wanted
 * ones for every n. That keeps a small demo set (150 people) close to the published distributions without fixing
 * the size of the set in advance, and the first n people of a larger set are the same as those of a set of n.
 */
export function spread(index: number, stream: number, offset = 0): number {
  const step = STEPS[stream % STEPS.length]!;
  const value = (index * step + offset) % 1;
  return value < 0 ? value + 1 : value;
}

/** How many evenly spread streams `spread` has. */
export const SPREAD_STREAMS = STEPS.length;
