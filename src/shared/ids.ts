import { randomBytes } from 'node:crypto'

/**
 * A UUIDv7: time-ordered, so ids sort by creation and index well in both SQLite and PostgreSQL.
 * Generated here rather than by the database so both dialects behave the same.
 */
export function newId(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16)
  bytes.writeUIntBE(nowMs, 0, 6)
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f)
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A secret token: 32 random bytes, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url')
