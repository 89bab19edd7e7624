import { describe, expect, it } from 'vitest'
import { fenToYuan, fenToYuanNumber, formatYuan, yuanToFen } from './money.js'

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

  it('writes a price with the yuan sign, the minus before it', () => {
    expect(formatYuan(3800)).toBe('¥38.00')
    expect(formatYuan(1)).toBe('¥0.01')
    expect(formatYuan(0)).toBe('¥0.00')
    expect(formatYuan(123_456_789)).toBe('¥1234567.89')
    expect(formatYuan(-50)).toBe('-¥0.50')
    expect(formatYuan(-123_456_789)).toBe('-¥1234567.89')
  })

  it('refuses to write a price that is not whole fen', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError)
  })

  it('gives spreadsheet cells yuan numbers that show as the exact text at two decimals', () => {
    expect(fenToYuanNumber(1)).toBe(0.01)
    expect(fenToYuanNumber(-250)).toBe(-2.5)
    expect(fenToYuanNumber(123_456_789)).toBe(1_234_567.89)
    for (let fen = 0; fen <= 100_000; fen += 7) {
      expect(fenToYuanNumber(fen).toFixed(2)).toBe(fenToYuan(fen))
    }
  })
})
