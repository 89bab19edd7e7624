// The job sequences a local-search move produces, built into module scratch so pricing a move
// allocates nothing. first is the first route's new sequence, second the other route's (unused
// when the move stays in one route).
export const built = {
  first: [] as number[],
  firstLength: 0,
  second: [] as number[],
  secondLength: 0,
}
const { first, second } = built

function push(
  target: number[],
  length: number,
  source: readonly number[],
  from: number,
  to: number,
): number {
  for (let p = from; p < to; p++) target[length++] = source[p] as number
  return length
}

/** a[i .. i+length) moves in front of index at of b (an index of a itself when sameRoute). */
export function buildRelocate(
  a: readonly number[],
  b: readonly number[],
  sameRoute: boolean,
  i: number,
  length: number,
  at: number,
): void {
  if (sameRoute) {
    // Index at counts the segment's own jobs when it lies after them.
    const target = at > i ? at - length : at
    let rest = push(second, 0, a, 0, i)
    rest = push(second, rest, a, i + length, a.length)
    built.firstLength = push(first, 0, second, 0, target)
    built.firstLength = push(first, built.firstLength, a, i, i + length)
    built.firstLength = push(first, built.firstLength, second, target, rest)
    built.secondLength = 0
    return
  }
  built.firstLength = push(first, 0, a, 0, i)
  built.firstLength = push(first, built.firstLength, a, i + length, a.length)
  built.secondLength = push(second, 0, b, 0, at)
  built.secondLength = push(second, built.secondLength, a, i, i + length)
  built.secondLength = push(second, built.secondLength, b, at, b.length)
}

export function buildSwap(
  a: readonly number[],
  b: readonly number[],
  sameRoute: boolean,
  i: number,
  k: number,
): void {
  built.firstLength = push(first, 0, a, 0, a.length)
  if (sameRoute) {
    first[i] = a[k] as number
    first[k] = a[i] as number
    built.secondLength = 0
    return
  }
  built.secondLength = push(second, 0, b, 0, b.length)
  first[i] = b[k] as number
  second[k] = a[i] as number
}

/** a[..cutA) + b[cutB..] and b[..cutB) + a[cutA..]. */
export function buildTails(
  a: readonly number[],
  b: readonly number[],
  cutA: number,
  cutB: number,
): void {
  built.firstLength = push(first, 0, a, 0, cutA)
  built.firstLength = push(first, built.firstLength, b, cutB, b.length)
  built.secondLength = push(second, 0, b, 0, cutB)
  built.secondLength = push(second, built.secondLength, a, cutA, a.length)
}

/** a with a[from..to] (inclusive) reversed. */
export function buildReversal(a: readonly number[], from: number, to: number): void {
  built.firstLength = push(first, 0, a, 0, a.length)
  for (let p = from; p <= to; p++) first[p] = a[to - (p - from)] as number
  built.secondLength = 0
}
