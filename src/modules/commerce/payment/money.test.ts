import { describe, expect, it } from 'vitest'
import { fenToYuan, yuanToFen } from './money.js'

describe('fen and yuan text', () => {
  it('writes fen as yuan with exactly two decimals', () => {
    expect(fenToYuan(0)).toBe('0.00')
    expect(fenToYuan(1)).toBe('0.01')
    expect(fenToYuan(10)).toBe('0.10')
    expect(fenToYuan(100)).toBe('1.00')
    expect(fenToYuan(12345)).toBe('123.45')
    expect(fenToYuan(10_000_000_000)).toBe('100000000.00')
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91')
  })

  it('reads yuan text into exact fen, whatever the float would say', () => {
    expect(yuanToFen('0.01')).toBe(1)
    expect(yuanToFen('0.1')).toBe(10)
    expect(yuanToFen('0.10')).toBe(10)
    expect(yuanToFen('5')).toBe(500)
    expect(yuanToFen('1.15')).toBe(115) // 1.15 * 100 is 114.99999999999999 in floating point
    expect(yuanToFen('4.35')).toBe(435)
    expect(yuanToFen('100000000.00')).toBe(10_000_000_000)
    expect(yuanToFen('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('round-trips every amount it writes', () => {
    for (const fen of [0, 1, 9, 10, 99, 101, 1999, 123456789])
      expect(yuanToFen(fenToYuan(fen))).toBe(fen)
  })

  it.each([
    '1.234',
    '-1',
    'abc',
    '',
    '1.',
    '.5',
    '01.00',
    '1e3',
    ' 1.00',
    '1,00',
    '+1',
    '90071992547409.92',
  ])('rejects %j', (text) => expect(() => yuanToFen(text)).toThrow(RangeError))

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses to write %s fen', (fen) =>
    expect(() => fenToYuan(fen)).toThrow(RangeError),
  )
})
