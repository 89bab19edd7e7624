import type { Redis } from 'ioredis'
import type { Principal } from '../access/index.js'

// Who a session is, remembered by an app node for a few seconds, so a crowd of signed-in buyers
// (a flash sale) does not cost four database reads per request. A session ended on purpose
// (logout, a user disabled, a password changed) is forgotten at once on this node and, through
// a Redis channel, on every other; anything else that changes a principal (a role, an
// organization suspended) applies within the cache's lifetime.

/** How long a node trusts a principal it read from the database. */
export const PRINCIPAL_CACHE_MS = 10_000

export interface PrincipalCache {
  /** The principal behind a signed session cookie, if read within the last few seconds. */
  get(cookie: string, nowMs?: number): Principal | undefined
  set(cookie: string, principal: Principal, nowMs?: number): void
  /** Forgets every session of the user, here and on every node listening. */
  forgetUser(userId: string): Promise<void>
  /** Stops listening to the other nodes. */
  close(): Promise<void>
}

interface Entry {
  principal: Principal
  until: number
}

/**
 * A cache in this process's memory; with Redis, the nodes tell each other what to forget on
 * `channel` (put the key prefix in it when Redis is shared).
 */
export async function createPrincipalCache(
  redis: Redis | undefined,
  {
    ttlMs = PRINCIPAL_CACHE_MS,
    maxEntries = 100_000,
    channel = 'principals:forget',
  }: { ttlMs?: number; maxEntries?: number; channel?: string } = {},
): Promise<PrincipalCache> {
  const entries = new Map<string, Entry>()
  const forgetHere = (userId: string) => {
    for (const [key, entry] of entries) if (entry.principal.userId === userId) entries.delete(key)
  }
  // A subscribed connection can do nothing else, so the cache has one of its own.
  const subscriber = redis?.duplicate()
  if (subscriber) {
    await subscriber.subscribe(channel)
    subscriber.on('message', (_channel: string, userId: string) => forgetHere(userId))
  }
  return {
    get(cookie, nowMs = Date.now()) {
      const entry = entries.get(cookie)
      if (!entry) return undefined
      if (entry.until > nowMs) return entry.principal
      entries.delete(cookie)
      return undefined
    },
    set(cookie, principal, nowMs = Date.now()) {
      // Oldest first out: a Map iterates in insertion order.
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value ?? '')
      entries.set(cookie, { principal, until: nowMs + ttlMs })
    },
    async forgetUser(userId) {
      forgetHere(userId)
      await redis?.publish(channel, userId)
    },
    async close() {
      await subscriber?.quit()
    },
  }
}
