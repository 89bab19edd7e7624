import type { Redis } from 'ioredis'
import type { Db } from '../../../db/database.js'
import {
  countFromHolds,
  type AdmissionRefusal,
  type FlashStock,
  type FlashUnits,
} from './flash-stock.js'
import type { FlashSessionRow } from './schema.js'

// A session's stock in Redis: hashes per session (its window and sale prices, stock per SKU,
// units per buyer, admitted holds not yet in the database) and a stream of admissions, in one
// hash slot, changed only by Lua scripts, so each admission is one atomic step without a hot
// database row. Loaded when the session is scheduled (or on first use, e.g. after Redis lost
// it), counted from the holds; reconciled into the database when the session ends.
//
// An admission (ADMIT) is decided and recorded in Redis alone: the hold goes into the holds hash
// (for the buyer to read and check out at once) and onto the admissions stream, which the hold
// persister (hold-persister.ts) writes into the database in batches. The stream is the record of
// an admission until its hold is in the database.

// KEYS: meta, stock, users. ARGV: nowMs, skuId, userId, quantity, checkWindow (1|0).
const TAKE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_loaded' end
if ARGV[5] == '1' then
  local m = redis.call('HMGET', KEYS[1], 'status', 'startsMs', 'endsMs')
  local now = tonumber(ARGV[1])
  if m[1] ~= 'open' or now < tonumber(m[2]) or now >= tonumber(m[3]) then return 'not_in_window' end
end
local q = tonumber(ARGV[4])
local limit = tonumber(redis.call('HGET', KEYS[1], 'limit'))
local bought = tonumber(redis.call('HGET', KEYS[3], ARGV[3]) or '0')
if bought + q > limit then return 'limit' end
local left = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '-1')
if left < 0 then return 'unknown_sku' end
if left < q then return 'sold_out' end
redis.call('HINCRBY', KEYS[2], ARGV[2], -q)
redis.call('HINCRBY', KEYS[3], ARGV[3], q)
return 'ok'
`

// KEYS: meta, stock, users, holds, admissions. ARGV: nowMs, skuId, userId, quantity, holdId,
// shareCode, requestId, ip, actorName. Answers {'ok', priceFen, expiresMs, limit} or {refusal, limit}.
const ADMIT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'not_loaded'} end
local m = redis.call('HMGET', KEYS[1], 'status', 'startsMs', 'endsMs', 'limit', 'windowS', 'p:' .. ARGV[2])
local now = tonumber(ARGV[1])
if m[1] ~= 'open' or now < tonumber(m[2]) or now >= tonumber(m[3]) then return {'not_in_window', m[4]} end
if not m[6] then return {'unknown_sku', m[4]} end
local q = tonumber(ARGV[4])
local limit = tonumber(m[4])
if q > limit then return {'quantity', m[4]} end
local bought = tonumber(redis.call('HGET', KEYS[3], ARGV[3]) or '0')
if bought + q > limit then return {'limit', m[4]} end
local left = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '-1')
if left < 0 then return {'unknown_sku', m[4]} end
if left < q then return {'sold_out', m[4]} end
redis.call('HINCRBY', KEYS[2], ARGV[2], -q)
redis.call('HINCRBY', KEYS[3], ARGV[3], q)
local expires = tostring(now + tonumber(m[5]) * 1000)
local hold = cjson.encode({
  id = ARGV[5], skuId = ARGV[2], userId = ARGV[3], quantity = q, priceFen = m[6],
  limit = m[4], createdMs = ARGV[1], expiresMs = expires, shareCode = ARGV[6],
  requestId = ARGV[7], ip = ARGV[8], actorName = ARGV[9]
})
redis.call('HSET', KEYS[4], ARGV[5], hold)
redis.call('XADD', KEYS[5], '*', 'hold', hold)
return {'ok', m[6], expires, m[4]}
`

// KEYS: meta, stock, users. ARGV: skuId, userId, quantity.
const GIVE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_loaded' end
redis.call('HINCRBY', KEYS[2], ARGV[1], tonumber(ARGV[3]))
if redis.call('HINCRBY', KEYS[3], ARGV[2], -tonumber(ARGV[3])) <= 0 then
  redis.call('HDEL', KEYS[3], ARGV[2])
end
return 'ok'
`

// KEYS: meta, stock, users, holds, admissions. ARGV: status, startsMs, endsMs, limit,
// expireAtMs, windowS, then JSON of { stock: {sku: left}, users: {user: units}, prices: {sku:
// fen} }. The window and prices are always refreshed; the counts only when the session is not
// loaded yet, so loading twice never resets what was admitted. (Holds still on the stream are
// persisted before a load counts from the database: hold-persister.ts, loadSession.)
const LOAD = `
local fresh = redis.call('EXISTS', KEYS[1]) == 0
local counts = cjson.decode(ARGV[7])
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'startsMs', ARGV[2], 'endsMs', ARGV[3], 'limit', ARGV[4], 'windowS', ARGV[6])
for sku, fen in pairs(counts.prices) do redis.call('HSET', KEYS[1], 'p:' .. sku, fen) end
if fresh then
  redis.call('DEL', KEYS[2], KEYS[3])
  for sku, left in pairs(counts.stock) do redis.call('HSET', KEYS[2], sku, left) end
  for user, units in pairs(counts.users) do redis.call('HSET', KEYS[3], user, units) end
end
for i = 1, 5 do
  if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('PEXPIREAT', KEYS[i], tonumber(ARGV[5])) end
end
if fresh then return 'loaded' end
return 'kept'
`

// KEYS: meta, stock, users, ended. Answers the stock hash and deletes the first three; marks the
// session ended (a session never loads again once ended), so its stream may be retired.
const UNLOAD = `
local stock = redis.call('HGETALL', KEYS[2])
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('SET', KEYS[4], '1', 'PX', ARGV[1])
return stock
`

// KEYS: ended, admissions, holds, meta. Deletes an ended (and not reloaded) session's last keys
// once nothing waits on its stream; 1 when it did. One script, so no admission can slip in
// between the check and the delete.
const RETIRE = `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
if redis.call('XLEN', KEYS[2]) > 0 then return 0 end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
return 1
`

type Reply = 'ok' | 'not_loaded' | AdmissionRefusal

/** An admission Redis decided: the hold as the ADMIT script recorded it (all strings from Lua). */
export interface PendingHold {
  id: string
  sessionId: string
  skuId: string
  userId: string
  quantity: number
  priceFen: number
  /** The session's per-buyer limit when admitted (flash_buyer.unit_limit). */
  limit: number
  createdMs: number
  expiresMs: number
  shareCode: string | null
  requestId: string
  ip: string
  actorName: string
}

/** What ADMIT answers: a hold, or why not (`quantity`: more than the per-buyer limit at once). */
export type AdmitReply =
  | { kind: 'admitted'; hold: PendingHold }
  | { kind: 'refused'; reason: AdmissionRefusal | 'quantity'; limit: number }
  | { kind: 'not_loaded' }

interface FlashCommands {
  flashTake(...args: (string | number)[]): Promise<Reply>
  flashAdmit(...args: (string | number)[]): Promise<string[]>
  flashGive(...args: (string | number)[]): Promise<'ok' | 'not_loaded'>
  flashLoad(...args: (string | number)[]): Promise<'loaded' | 'kept'>
  flashUnload(...args: (string | number)[]): Promise<string[]>
  flashRetire(...args: string[]): Promise<number>
}

interface SessionKeys {
  meta: string
  stock: string
  users: string
  holds: string
  admissions: string
  ended: string
}

/** Keys stay a week after the session's end at most, in case nothing reconciles them. */
const KEEP_AFTER_END_MS = 7 * 24 * 3600 * 1000
/** A hold's pointer to its session outlives the payment window by this much. */
const POINTER_SLACK_MS = 10 * 60 * 1000

/**
 * Writes holds Redis admitted into the database, idempotently (hold-persister.ts); given to the
 * stock so that a load counting from the database first writes what the stream still holds.
 */
export type WritePendingHolds = (db: Db, holds: readonly PendingHold[]) => Promise<unknown>

export class RedisFlashStock implements FlashStock {
  readonly kind = 'redis'
  private readonly commands: FlashCommands

  constructor(
    private readonly redis: Redis,
    private readonly writePending: WritePendingHolds,
    /** Namespaces every key (tests and benchmarks use one per run). */
    private readonly prefix = '',
  ) {
    redis.defineCommand('flashTake', { lua: TAKE, numberOfKeys: 3 })
    redis.defineCommand('flashAdmit', { lua: ADMIT, numberOfKeys: 5 })
    redis.defineCommand('flashGive', { lua: GIVE, numberOfKeys: 3 })
    redis.defineCommand('flashLoad', { lua: LOAD, numberOfKeys: 5 })
    redis.defineCommand('flashUnload', { lua: UNLOAD, numberOfKeys: 4 })
    redis.defineCommand('flashRetire', { lua: RETIRE, numberOfKeys: 4 })
    this.commands = redis as unknown as FlashCommands
  }

  private keys(sessionId: string): SessionKeys {
    // One hash tag per session: its keys share a slot, as a Lua script needs on a cluster.
    const base = `${this.prefix}flash:{${sessionId}}`
    return {
      meta: `${base}:meta`,
      stock: `${base}:stock`,
      users: `${base}:users`,
      holds: `${base}:holds`,
      admissions: `${base}:admissions`,
      ended: `${base}:ended`,
    }
  }

  private stockKeys(sessionId: string): [string, string, string] {
    const { meta, stock, users } = this.keys(sessionId)
    return [meta, stock, users]
  }

  private allKeys(sessionId: string): [string, string, string, string, string] {
    const { meta, stock, users, holds, admissions } = this.keys(sessionId)
    return [meta, stock, users, holds, admissions]
  }

  /** Sessions whose admissions stream may hold entries (the persister's list). */
  private get sessionsKey() {
    return `${this.prefix}flash:sessions`
  }

  private pointerKey(holdId: string) {
    return `${this.prefix}flash-hold:${holdId}`
  }

  /**
   * The request path of a flash sale in Redis: decides and records the admission in one script.
   * Nothing here reads or writes the database.
   */
  async admit(
    input: { sessionId: string; skuId: string; userId: string; quantity: number },
    hold: {
      id: string
      shareCode: string | null
      requestId: string
      ip: string
      actorName: string
    },
    nowMs: number,
  ): Promise<AdmitReply> {
    const reply = await this.commands.flashAdmit(
      ...this.allKeys(input.sessionId),
      nowMs,
      input.skuId,
      input.userId,
      input.quantity,
      hold.id,
      hold.shareCode ?? '',
      hold.requestId,
      hold.ip,
      hold.actorName,
    )
    const [status, first, second] = reply
    if (status === 'not_loaded') return { kind: 'not_loaded' }
    if (status !== 'ok')
      return {
        kind: 'refused',
        reason: status as AdmissionRefusal | 'quantity',
        limit: Number(first),
      }
    const expiresMs = Number(second)
    // Where a hold is found by its id alone (its page, its checkout), until it is in the database.
    await this.redis.set(
      this.pointerKey(hold.id),
      input.sessionId,
      'PX',
      expiresMs - nowMs + POINTER_SLACK_MS,
    )
    return {
      kind: 'admitted',
      hold: {
        ...input,
        id: hold.id,
        priceFen: Number(first),
        limit: Number(reply[3]),
        createdMs: nowMs,
        expiresMs,
        shareCode: hold.shareCode,
        requestId: hold.requestId,
        ip: hold.ip,
        actorName: hold.actorName,
      },
    }
  }

  /** A hold admitted in Redis and not yet written to the database, or undefined. */
  async pendingHold(holdId: string): Promise<PendingHold | undefined> {
    const sessionId = await this.redis.get(this.pointerKey(holdId))
    if (sessionId === null) return undefined
    const json = await this.redis.hget(this.keys(sessionId).holds, holdId)
    return json === null ? undefined : parsePendingHold(sessionId, json)
  }

  /** Up to `count` admissions from the session's stream, oldest first, after `afterEntry`. */
  async admissions(
    sessionId: string,
    count: number,
    afterEntry = '-',
  ): Promise<{ entryId: string; hold: PendingHold }[]> {
    const start = afterEntry === '-' ? '-' : `(${afterEntry}`
    const entries = await this.redis.xrange(
      this.keys(sessionId).admissions,
      start,
      '+',
      'COUNT',
      count,
    )
    return entries.map(([entryId, fields]) => ({
      entryId,
      hold: parsePendingHold(sessionId, fields[1] ?? '{}'),
    }))
  }

  /** Takes admissions whose holds are now in the database off the stream and the holds hash. */
  async forget(sessionId: string, entries: readonly { entryId: string; hold: PendingHold }[]) {
    if (entries.length === 0) return
    const keys = this.keys(sessionId)
    await this.redis
      .multi()
      .xdel(keys.admissions, ...entries.map((e) => e.entryId))
      .hdel(keys.holds, ...entries.map((e) => e.hold.id))
      .del(...entries.map((e) => this.pointerKey(e.hold.id)))
      .exec()
  }

  /**
   * Whether any session's stream has an admission waiting for the database; sessions ended and
   * written are dropped from the list on the way.
   */
  async hasAdmissions(): Promise<boolean> {
    let waiting = false
    for (const sessionId of await this.sessionsWithAdmissions()) {
      if ((await this.redis.xlen(this.keys(sessionId).admissions)) > 0) waiting = true
      else await this.retireIfDone(sessionId)
    }
    return waiting
  }

  /** Sessions that may have admissions to persist. */
  sessionsWithAdmissions(): Promise<string[]> {
    return this.redis.smembers(this.sessionsKey)
  }

  /**
   * Drops a session from the persister's list once it has ended and its stream is empty. Only an
   * ended session: one not loaded yet (between its listing and its load) must stay listed.
   */
  async retireIfDone(sessionId: string): Promise<boolean> {
    const keys = this.keys(sessionId)
    if ((await this.commands.flashRetire(keys.ended, keys.admissions, keys.holds, keys.meta)) !== 1)
      return false
    await this.redis.srem(this.sessionsKey, sessionId)
    return true
  }

  /**
   * Writes every admission still on the session's stream into the database (idempotent); the
   * entries stay on the stream, and the persister trims them on its next round.
   */
  async persistStream(db: Db, sessionId: string): Promise<number> {
    let after = '-'
    let written = 0
    for (;;) {
      const batch = await this.admissions(sessionId, 500, after)
      if (batch.length === 0) return written
      const holds = batch.map((entry) => entry.hold)
      // Holds, buyer counts and audit entries commit together (in the caller's transaction if any).
      if (db.isTransaction) await this.writePending(db, holds)
      else await db.transaction().execute((trx) => this.writePending(trx, holds))
      written += batch.length
      after = batch[batch.length - 1]?.entryId ?? after
    }
  }

  async take(db: Db, units: FlashUnits, nowMs: number, ignoreWindow = false) {
    const args = [units.skuId, units.userId, units.quantity, ignoreWindow ? 0 : 1] as const
    const keys = this.stockKeys(units.session.id)
    let reply = await this.commands.flashTake(...keys, nowMs, ...args)
    if (reply === 'not_loaded') {
      await this.load(db, units.session)
      reply = await this.commands.flashTake(...keys, nowMs, ...args)
    }
    if (reply === 'ok') return null
    // Still not there: the session cannot be loaded (ended meanwhile), so it is not open.
    return reply === 'not_loaded' ? 'not_in_window' : reply
  }

  async give(_db: Db, units: FlashUnits) {
    // Not loaded: Redis lost the session; the next load counts from the holds, this one included.
    await this.commands.flashGive(
      ...this.stockKeys(units.session.id),
      units.skuId,
      units.userId,
      units.quantity,
    )
  }

  async stockLeft(db: Db, session: FlashSessionRow) {
    const { stock: stockKey } = this.keys(session.id)
    let stock = await this.redis.hgetall(stockKey)
    if (Object.keys(stock).length === 0) {
      await this.load(db, session)
      stock = await this.redis.hgetall(stockKey)
    }
    return new Map(Object.entries(stock).map(([sku, left]) => [sku, Number(left)]))
  }

  /**
   * Puts the session's window and prices and (when not there yet) its counts into Redis. The
   * counts come from the holds in the database, so admissions still on the stream are written
   * there first.
   */
  async load(db: Db, session: FlashSessionRow): Promise<'loaded' | 'kept'> {
    // Listed first: a stream the persister does not know of would never reach the database.
    await this.redis.sadd(this.sessionsKey, session.id)
    await this.persistStream(db, session.id)
    const counts = await countFromHolds(db, session.id)
    const loaded = await this.commands.flashLoad(
      ...this.allKeys(session.id),
      session.status === 'scheduled' ? 'open' : session.status,
      Date.parse(session.starts_at),
      Date.parse(session.ends_at),
      session.per_user_limit,
      Date.parse(session.ends_at) + KEEP_AFTER_END_MS,
      session.payment_window_s,
      JSON.stringify({
        stock: Object.fromEntries(counts.stockLeft),
        users: Object.fromEntries(counts.units),
        prices: Object.fromEntries(counts.prices),
      }),
    )
    return loaded
  }

  /** Takes the session's counts out of Redis; answers what Redis had left per SKU. */
  async unload(sessionId: string): Promise<Map<string, number>> {
    const flat = await this.commands.flashUnload(
      ...this.stockKeys(sessionId),
      this.keys(sessionId).ended,
      KEEP_AFTER_END_MS,
    )
    const left = new Map<string, number>()
    for (let i = 0; i + 1 < flat.length; i += 2) left.set(flat[i] ?? '', Number(flat[i + 1]))
    return left
  }
}

function parsePendingHold(sessionId: string, json: string): PendingHold {
  const raw = JSON.parse(json) as Record<string, string | number>
  const text = (key: string) => String(raw[key] ?? '')
  return {
    id: text('id'),
    sessionId,
    skuId: text('skuId'),
    userId: text('userId'),
    quantity: Number(raw.quantity),
    priceFen: Number(raw.priceFen),
    limit: Number(raw.limit),
    createdMs: Number(raw.createdMs),
    expiresMs: Number(raw.expiresMs),
    shareCode: text('shareCode') === '' ? null : text('shareCode'),
    requestId: text('requestId'),
    ip: text('ip'),
    actorName: text('actorName'),
  }
}
