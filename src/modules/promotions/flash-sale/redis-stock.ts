import type { Redis } from 'ioredis'
import type { Db } from '../../../db/database.js'
import {
  countFromHolds,
  type AdmissionRefusal,
  type FlashStock,
  type FlashUnits,
} from './flash-stock.js'
import type { FlashSessionRow } from './schema.js'

// A session's stock in Redis: three hashes per session (its window, stock per SKU, units per
// buyer), in one hash slot, changed only by Lua scripts, so each admission is one atomic step
// without a hot database row. Loaded when the session is scheduled (or on first use, e.g. after
// Redis lost it), counted from the holds; reconciled into the database when the session ends.

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

// KEYS: meta, stock, users. ARGV: skuId, userId, quantity.
const GIVE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_loaded' end
redis.call('HINCRBY', KEYS[2], ARGV[1], tonumber(ARGV[3]))
if redis.call('HINCRBY', KEYS[3], ARGV[2], -tonumber(ARGV[3])) <= 0 then
  redis.call('HDEL', KEYS[3], ARGV[2])
end
return 'ok'
`

// KEYS: meta, stock, users. ARGV: status, startsMs, endsMs, limit, expireAtMs, then JSON of
// { stock: {sku: left}, users: {user: units} }. The window is always refreshed; the counts only
// when the session is not loaded yet, so loading twice never resets what was admitted.
const LOAD = `
local fresh = redis.call('EXISTS', KEYS[1]) == 0
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'startsMs', ARGV[2], 'endsMs', ARGV[3], 'limit', ARGV[4])
if fresh then
  local counts = cjson.decode(ARGV[6])
  redis.call('DEL', KEYS[2], KEYS[3])
  for sku, left in pairs(counts.stock) do redis.call('HSET', KEYS[2], sku, left) end
  for user, units in pairs(counts.users) do redis.call('HSET', KEYS[3], user, units) end
end
for i = 1, 3 do redis.call('PEXPIREAT', KEYS[i], tonumber(ARGV[5])) end
if fresh then return 'loaded' end
return 'kept'
`

// KEYS: meta, stock, users. Answers the stock hash and deletes all three.
const UNLOAD = `
local stock = redis.call('HGETALL', KEYS[2])
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
return stock
`

type Reply = 'ok' | 'not_loaded' | AdmissionRefusal

interface FlashCommands {
  flashTake(...args: (string | number)[]): Promise<Reply>
  flashGive(...args: (string | number)[]): Promise<'ok' | 'not_loaded'>
  flashLoad(...args: (string | number)[]): Promise<'loaded' | 'kept'>
  flashUnload(...args: string[]): Promise<string[]>
}

/** Keys stay a week after the session's end at most, in case nothing reconciles them. */
const KEEP_AFTER_END_MS = 7 * 24 * 3600 * 1000

export class RedisFlashStock implements FlashStock {
  readonly kind = 'redis'
  private readonly commands: FlashCommands

  constructor(
    redis: Redis,
    /** Namespaces every key (tests and benchmarks use one per run). */
    private readonly prefix = '',
  ) {
    redis.defineCommand('flashTake', { lua: TAKE, numberOfKeys: 3 })
    redis.defineCommand('flashGive', { lua: GIVE, numberOfKeys: 3 })
    redis.defineCommand('flashLoad', { lua: LOAD, numberOfKeys: 3 })
    redis.defineCommand('flashUnload', { lua: UNLOAD, numberOfKeys: 3 })
    this.commands = redis as unknown as FlashCommands
  }

  private keys(sessionId: string): [string, string, string] {
    // One hash tag per session: the three keys share a slot, as a Lua script needs on a cluster.
    const base = `${this.prefix}flash:{${sessionId}}`
    return [`${base}:meta`, `${base}:stock`, `${base}:users`]
  }

  async take(db: Db, units: FlashUnits, nowMs: number, ignoreWindow = false) {
    const args = [units.skuId, units.userId, units.quantity, ignoreWindow ? 0 : 1] as const
    let reply = await this.commands.flashTake(...this.keys(units.session.id), nowMs, ...args)
    if (reply === 'not_loaded') {
      await this.load(db, units.session)
      reply = await this.commands.flashTake(...this.keys(units.session.id), nowMs, ...args)
    }
    if (reply === 'ok') return null
    // Still not there: the session cannot be loaded (ended meanwhile), so it is not open.
    return reply === 'not_loaded' ? 'not_in_window' : reply
  }

  async give(_db: Db, units: FlashUnits) {
    // Not loaded: Redis lost the session; the next load counts from the holds, this one included.
    await this.commands.flashGive(
      ...this.keys(units.session.id),
      units.skuId,
      units.userId,
      units.quantity,
    )
  }

  async stockLeft(db: Db, session: FlashSessionRow) {
    const [, stockKey] = this.keys(session.id)
    const redis = this.commands as unknown as Redis
    let stock = await redis.hgetall(stockKey)
    if (Object.keys(stock).length === 0) {
      await this.load(db, session)
      stock = await redis.hgetall(stockKey)
    }
    return new Map(Object.entries(stock).map(([sku, left]) => [sku, Number(left)]))
  }

  /** Puts the session's window and (when not there yet) its counts into Redis. */
  async load(db: Db, session: FlashSessionRow): Promise<'loaded' | 'kept'> {
    const counts = await countFromHolds(db, session.id)
    return this.commands.flashLoad(
      ...this.keys(session.id),
      session.status === 'scheduled' ? 'open' : session.status,
      Date.parse(session.starts_at),
      Date.parse(session.ends_at),
      session.per_user_limit,
      Date.parse(session.ends_at) + KEEP_AFTER_END_MS,
      JSON.stringify({
        stock: Object.fromEntries(counts.stockLeft),
        users: Object.fromEntries(counts.units),
      }),
    )
  }

  /** Takes the session out of Redis; answers what Redis had left per SKU. */
  async unload(sessionId: string): Promise<Map<string, number>> {
    const flat = await this.commands.flashUnload(...this.keys(sessionId))
    const left = new Map<string, number>()
    for (let i = 0; i + 1 < flat.length; i += 2) left.set(flat[i] ?? '', Number(flat[i + 1]))
    return left
  }
}
