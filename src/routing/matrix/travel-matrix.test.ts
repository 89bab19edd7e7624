import { describe, expect, it } from 'vitest'
import { buildStraightLineMatrix, haversineM } from './straight-line.js'
import { createGivenMatrix, travelDistance, travelTime } from './travel-matrix.js'

describe('travel matrices', () => {
  it('measures one degree of latitude as about 111.2 km', () => {
    expect(haversineM({ lat: 27, lon: 109 }, { lat: 28, lon: 109 })).toBeCloseTo(111_195, -1)
  })

  it('stretches straight lines by the circuity factor and drives at the slower road class', () => {
    const matrix = buildStraightLineMatrix(
      [
        { lat: 27, lon: 109, roadClass: 'national' },
        { lat: 27.1, lon: 109, roadClass: 'village' },
      ],
      { circuityFactor: 1.5 },
    )
    const straightM = haversineM({ lat: 27, lon: 109 }, { lat: 27.1, lon: 109 })
    expect(travelDistance(matrix, 0, 1)).toBeCloseTo(straightM * 1.5, 6)
    expect(travelTime(matrix, 1, 0)).toBeCloseTo((straightM * 1.5) / (20 / 3.6), 6)
    expect(travelTime(matrix, 0, 0)).toBe(0)
  })

  it('accepts a given table as nested rows and rejects a non-square one', () => {
    const matrix = createGivenMatrix([
      [0, 5],
      [7, 0],
    ])
    expect(travelDistance(matrix, 1, 0)).toBe(7)
    expect(travelTime(matrix, 0, 1)).toBe(5)
    expect(() => createGivenMatrix([1, 2, 3])).toThrow('square')
  })
})
