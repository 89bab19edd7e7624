import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { addSeconds, nowIso } from '../../shared/clock.js'
import { newId } from '../../shared/ids.js'

// A proof-of-work challenge: the server signs { id, difficulty, expiry } with a key derived from
// the session secret, so it stores nothing until a solution comes back. The browser finds a
// nonce for which SHA-256(`${token}:${nonce}`) starts with `difficulty` zero bits (about
// 2^difficulty hashes); the caller refuses a challenge id it has seen before.

export interface Challenge {
  token: string
  /** Leading zero bits the hash of `${token}:${nonce}` must have. */
  difficulty: number
  expiresAt: string
}

export type ChallengeCheck =
  | { ok: true; id: string; expiresAt: string }
  | { ok: false; reason: 'forged' | 'expired' | 'unsolved' }

interface Payload {
  id: string
  purpose: string
  difficulty: number
  expiresAt: string
}

const sign = (secret: string, data: string) =>
  createHmac('sha256', secret).update(`proof-of-work:${data}`).digest('base64url')

export function issueChallenge(
  secret: string,
  purpose: string,
  { difficulty, ttlS }: { difficulty: number; ttlS: number },
  now = nowIso(),
): Challenge {
  const payload: Payload = { id: newId(), purpose, difficulty, expiresAt: addSeconds(now, ttlS) }
  const data = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return { token: `${data}.${sign(secret, data)}`, difficulty, expiresAt: payload.expiresAt }
}

export function checkChallenge(
  secret: string,
  purpose: string,
  solution: { token: string; nonce: string },
  now = nowIso(),
): ChallengeCheck {
  const [data = '', signature = ''] = solution.token.split('.')
  const expected = Buffer.from(sign(secret, data))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'forged' }
  const payload = JSON.parse(Buffer.from(data, 'base64url').toString()) as Payload
  if (payload.purpose !== purpose) return { ok: false, reason: 'forged' }
  if (payload.expiresAt <= now) return { ok: false, reason: 'expired' }
  if (leadingZeroBits(hashOf(solution.token, solution.nonce)) < payload.difficulty)
    return { ok: false, reason: 'unsolved' }
  return { ok: true, id: payload.id, expiresAt: payload.expiresAt }
}

/** Finds a nonce the way the browser does (for tests and scripts; about 2^difficulty hashes). */
export function solveChallenge({ token, difficulty }: Challenge): string {
  for (let nonce = 0; ; nonce++) {
    if (leadingZeroBits(hashOf(token, String(nonce))) >= difficulty) return String(nonce)
  }
}

const hashOf = (token: string, nonce: string) =>
  createHash('sha256').update(`${token}:${nonce}`).digest()

function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8
      continue
    }
    return bits + Math.clz32(byte) - 24
  }
  return bits
}
