// Fen ↔ yuan text for providers that speak yuan (Alipay's "88.88"). String and integer arithmetic
// only: 0.1 + 0.2 must never reach a payment.

/** Integer fen → yuan text with exactly two decimals: 1 → "0.01", 12345 → "123.45". */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new RangeError(`an amount in fen must be a non-negative safe integer, got ${fen}`)
  }
  const digits = String(fen).padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}

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
