import { describe, expect, it } from 'vitest'
import { describeViolation, describeViolations } from './move-violations.js'

const names = {
  vehicles: new Map([['v1', { plate: '晋H5T005', capacityKg: 600, capacityM3: 3 }]]),
  sites: new Map([['s1', '佛光村村级服务站']]),
}

describe('a refused move in words a clerk reads', () => {
  it('names the plate, the load and the capacity instead of the vehicle id', () => {
    expect(describeViolation('vehicle v1 carries 1400 kg leaving the depot', names)).toEqual({
      en: '晋H5T005 carries 1400 kg leaving the hub, over its capacity of 600 kg',
      zh: '晋H5T005 从物流中心出发时装载 1400 kg，超过核定的 600 kg',
    })
    expect(describeViolation('vehicle v1 carries 3.25 m³ after job s1', names).zh).toBe(
      '晋H5T005 离开佛光村村级服务站时装载 3.3 m³，超过核定的 3 m³',
    )
  })

  it('shows planner seconds as the clock time of the day', () => {
    expect(
      describeViolation('vehicle v1 reaches job s1 at 66600.4 after its windows', names).zh,
    ).toBe('晋H5T005 到达佛光村村级服务站的时间 18:30 已过营业时间')
    expect(
      describeViolation('vehicle v1 is back at 69300, after its shift ends at 68400', names).en,
    ).toBe('晋H5T005 is back at 19:15, after its shift ends at 19:00')
  })

  it('reports an overload once, where it starts, with the other reasons after it', () => {
    expect(
      describeViolations(
        [
          'vehicle v1 carries 700 kg leaving the depot',
          'vehicle v1 carries 690 kg after job s1',
          'vehicle v1 is back at 69300, after its shift ends at 68400',
        ],
        names,
      ).map((reason) => reason.en),
    ).toEqual([
      '晋H5T005 carries 700 kg leaving the hub, over its capacity of 600 kg',
      '晋H5T005 is back at 19:15, after its shift ends at 19:00',
    ])
  })

  it('passes a violation it does not know through unchanged', () => {
    expect(describeViolation('vehicle v1 drives 9 m, over its limit of 5', names)).toEqual({
      en: 'vehicle v1 drives 9 m, over its limit of 5',
      zh: 'vehicle v1 drives 9 m, over its limit of 5',
    })
  })
})
