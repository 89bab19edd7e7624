import { describe, expect, it } from 'vitest'
import { compileModel } from '../engine/model.js'
import { RouteState } from '../engine/route-state.js'
import { createSearchContext } from '../engine/search-context.js'
import { createGivenMatrix } from '../matrix/travel-matrix.js'
import type { Problem } from '../problem.js'
import { Random } from '../random.js'
import { insertWithEjection } from './eject-insert.js'

/** Depot at 0, jobs on a line at 1..4 km (2 kg each), one vehicle of 6 kg: three jobs fit. */
const problem: Problem = {
  matrix: createGivenMatrix(
    [0, 1, 2, 3, 4].map((a) => [0, 1, 2, 3, 4].map((b) => Math.abs(a - b) * 1000)),
  ),
  jobs: [1, 2, 3, 4].map((p) => ({
    id: `j${p}`,
    location: p,
    delivery: { weightKg: 2, volumeM3: 0 },
  })),
  vehicles: [{ id: 'v', startLocation: 0, endLocation: 0, capacity: { weightKg: 6, volumeM3: 0 } }],
}

function setUp(absent: number[]) {
  const model = compileModel(problem)
  const context = createSearchContext(model, new Random(1))
  const route = new RouteState(0, [0, 1, 2])
  route.update(model)
  return { model, context, routes: [route], absences: Float64Array.from(absent) }
}

describe('insertWithEjection', () => {
  it('makes room for a job absent more often by ejecting the least absent one', () => {
    const { context, routes, absences } = setUp([3, 0, 2, 5])
    const ejected = insertWithEjection(context, routes, 3, absences, 1)
    expect(ejected).toEqual([1])
    expect([...(routes[0]?.jobs ?? [])].sort()).toEqual([0, 2, 3])
    expect(routes[0]?.feasible).toBe(true)
  })

  it('ejects nothing when every candidate was absent at least as often', () => {
    const { context, routes, absences } = setUp([5, 5, 5, 2])
    expect(insertWithEjection(context, routes, 3, absences, 1)).toBeNull()
    expect(routes[0]?.jobs).toEqual([0, 1, 2])
  })
})
