// Money is integer fen everywhere inside; yuan appear only at the edges (a provider's "88.88", a
// buyer's "¥38.00", a spreadsheet cell). One conversion for each, written once so they cannot
// drift. Text is built with string and integer arithmetic only: 0.1 + 0.2 must never reach a
// payment or a buyer.

/** Integer fen → yuan text with exactly two decimals: 1 → "0.01", 12345 → "123.45". */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new RangeError(`an amount in fen must be a non-negative safe integer, got ${fen}`)
  }
  const digits = String(fen).padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}

/** A price as buyers read it: 3800 → "¥38.00", -50 → "-¥0.50". */
export const formatYuan = (fen: number): string =>
  fen < 0 ? `-¥${fenToYuan(-fen)}` : `¥${fenToYuan(fen)}`

/** Fen → yuan as a number, for spreadsheet cells formatted `0.00` (clerks sum them in Excel). */
export const fenToYuanNumber = (fen: number): number => fen / 100

const YUAN = /^(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?$/

/** Yuan text ("0.1", "88.88", "5") → integer fen. Rejects signs, exponents, a third decimal. */
export function yuanToFen(yuan: string): number {
  const match = YUAN.exec(yuan)
  if (!match) throw new RangeError(`not an amount in yuan: ${JSON.stringify(yuan)}`)
  const digits = `${match[1] ?? '0'}${(match[2] ?? '').padEnd(2, '0')}`
  if (BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount too large: ${yuan}`)
  }
  return Number(digits)
}
