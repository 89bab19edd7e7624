import { describe, expect, it } from 'vitest'
import { createAddressMatcher } from './address-matching.js'

const villages = [
  { code: '140922103208', shortName: '佛光村', townshipCode: '140922103', townshipName: '豆村镇' },
  { code: '140922100201', shortName: '台城村', townshipCode: '140922100', townshipName: '台城镇' },
  { code: '140922200201', shortName: '东庄村', townshipCode: '140922200', townshipName: '沟南乡' },
  { code: '140922201201', shortName: '东庄村', townshipCode: '140922201', townshipName: '东雷乡' },
  {
    code: '140922201202',
    shortName: '西东庄村',
    townshipCode: '140922201',
    townshipName: '东雷乡',
  },
]
const match = createAddressMatcher(villages)

describe('address matching (LOG-2)', () => {
  it('finds a village named in the address', () => {
    expect(match('山西省忻州市五台县豆村镇佛光村12号')).toEqual({
      kind: 'matched',
      villageCode: '140922103208',
    })
  })

  it('uses the township to tell apart villages of the same name', () => {
    expect(match('五台县东庄村')).toEqual({
      kind: 'ambiguous',
      candidates: ['140922200201', '140922201201'],
    })
    expect(match('五台县沟南乡东庄村')).toEqual({ kind: 'matched', villageCode: '140922200201' })
  })

  it('prefers the longest village name that matches', () => {
    expect(match('五台县东雷乡西东庄村')).toEqual({ kind: 'matched', villageCode: '140922201202' })
  })

  it('ignores spaces and reports no match for unknown places', () => {
    expect(match('五台县 台城镇 台城村')).toEqual({ kind: 'matched', villageCode: '140922100201' })
    expect(match('太原市小店区')).toEqual({ kind: 'none' })
  })
})
