// Reproducible "random" numbers: the same seed gives the same sequence on every machine, so a
// bargain's cuts can be recomputed from its recorded seed and the demo data comes out the same.
// Not for secrets (use node:crypto). routing/ keeps its own generator: it imports nothing.

/** mulberry32: a small seeded PRNG; the same seed (uint32) always gives the same sequence of uint32. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
}

/** A generator of numbers in [0, 1) seeded by a text (hashed to a uint32), over mulberry32. */
export function seededRandom(seedText: string): () => number {
  let seed = 2166136261
  for (let i = 0; i < seedText.length; i++)
    seed = Math.imul(seed ^ seedText.charCodeAt(i), 2654435761) >>> 0
  const next = mulberry32(seed)
  return () => next() / 4294967296
}
