import { describe, expect, it } from 'vitest'
import {
  createPromotionHookRegistry,
  type PromotionHookRegistry,
} from '../modules/commerce/orders/index.js'
import { createTestDb } from '../test/test-db.js'
import { buildApp } from './build-app.js'

// Commerce tells each kind of promotion about its orders through hooks wired in buildApp: a kind
// of promotion order without hooks must stop the start, not surface at its first payment.

/** A registry that drops what is registered for `kind`, as if buildApp had forgotten it. */
function forgetting(kind: string): PromotionHookRegistry {
  const registry = createPromotionHookRegistry()
  return {
    ...registry,
    register: (registered, hooks) => {
      if (registered !== kind) registry.register(registered, hooks)
    },
  }
}

describe('promotion order hooks', () => {
  it.each(['flash_sale', 'team_buy', 'bargain', 'bulk_buy'])(
    'refuses to start when the %s orders have no hooks, naming the kind',
    async (kind) => {
      const handle = await createTestDb()
      try {
        await expect(
          buildApp({
            db: handle.db,
            sessionSecret: 'test-secret-that-is-long-enough-0123456789',
            promotionHooks: forgetting(kind),
          }),
        ).rejects.toThrow(`no order hooks for promotion kind ${kind}`)
      } finally {
        await handle.destroy()
      }
    },
  )

  it('starts with every kind of promotion order wired', async () => {
    const handle = await createTestDb()
    const promotionHooks = createPromotionHookRegistry()
    const app = await buildApp({
      db: handle.db,
      sessionSecret: 'test-secret-that-is-long-enough-0123456789',
      promotionHooks,
    })
    try {
      expect(() => {
        promotionHooks.assertComplete()
      }).not.toThrow()
      expect(promotionHooks.of({ promotion_kind: null })).toBeUndefined()
    } finally {
      await app.close()
      await handle.destroy()
    }
  })
})
