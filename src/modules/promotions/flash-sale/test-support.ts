import { Redis } from 'ioredis'
import { afterEach, expect } from 'vitest'
import { DEMO_PASSWORD } from '../../../demo/demo-accounts.js'
import { buildApp } from '../../../server/build-app.js'
import { createTestDb } from '../../../test/test-db.js'
import type { Client, TestApp } from '../../../test/test-app.js'
import {
  createPromotionHookRegistry,
  localPayments,
  type SentCallback,
} from '../../commerce/index.js'
import { demoLocations, sellableSku } from '../../commerce/orders/test-support.js'
import { newId } from '../../../shared/ids.js'
import { flashSaleContext, type FlashSaleContext } from './sessions.js'
import { orderFixtures, ordersApp } from '../../../test/fixtures.js'

// Set-up shared by the flash sale tests (tests only): an app with or without Redis, and a
// scheduled session open now.

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const redisPrefixes = new WeakMap<object, string>()
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

/** ordersApp, or the same app given a Redis client (keys under a prefix of its own). */
export async function flashTestApp(mode: 'database' | 'redis'): Promise<TestApp> {
  if (mode === 'database') return ordersApp()
  const handle = await createTestDb()
  await orderFixtures(handle.db)
  const redis = new Redis(REDIS_URL)
  const sessionSecret = 'test-secret-that-is-long-enough-0123456789'
  const sentCallbacks: SentCallback[] = []
  const payments = localPayments(() => app, handle.db, sessionSecret, sentCallbacks)
  const promotionHooks = createPromotionHookRegistry()
  // Every app keys Redis under a prefix of its own, so parallel tests on one Redis never meet.
  const redisKeyPrefix = `test:${newId()}:`
  redisPrefixes.set(handle.db, redisKeyPrefix)
  const app = await buildApp({
    db: handle.db,
    sessionSecret,
    payments,
    redis,
    redisKeyPrefix,
    promotionHooks,
  })
  cleanups.push(async () => {
    await app.close()
    const keys = await redis.keys(`${redisKeyPrefix}*`)
    if (keys.length > 0) await redis.del(...keys)
    await redis.quit()
    await handle.destroy()
  })
  const logIn = async (username: string, password = DEMO_PASSWORD): Promise<Client> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    })
    expect(response.statusCode, response.body).toBe(200)
    const cookie = response.cookies.find((c) => c.name === 'ct_session')?.value ?? ''
    const me = response.json<{ user: { id: string }; csrfToken: string }>()
    return {
      userId: me.user.id,
      request: (options) =>
        app.inject({
          ...options,
          headers: {
            cookie: `ct_session=${cookie}`,
            'x-csrf-token': me.csrfToken,
            ...(options.headers ?? {}),
          },
        }),
    }
  }
  return {
    app,
    db: handle.db,
    dialect: handle.dialect,
    logIn,
    payments,
    sentCallbacks,
    promotionHooks,
  }
}

export interface OpenSession {
  sessionId: string
  skuId: string
  stationId: string
  operator: Client
}

/** A SKU at ¥20.00 with warehouse stock, in a flash sale at ¥9.90 that opened a minute ago. */
export async function openSession(
  t: TestApp,
  options: { stock: number; perUserLimit?: number; paymentWindowS?: number },
): Promise<OpenSession> {
  const places = await demoLocations(t.db)
  const { skuId } = await sellableSku(t, {
    priceFen: 2000,
    stock: options.stock * 3,
    locationId: places.warehouseId,
  })
  const operator = await t.logIn('operator')
  const created = await operator.request({
    method: 'POST',
    url: '/api/promotions/flash-sales',
    payload: {
      title: '小米秒杀',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      ...(options.perUserLimit ? { perUserLimit: options.perUserLimit } : {}),
      ...(options.paymentWindowS ? { paymentWindowS: options.paymentWindowS } : {}),
      skus: [{ skuId, salePriceFen: 990, stock: options.stock }],
    },
  })
  expect(created.statusCode, created.body).toBe(201)
  const sessionId = created.json<{ id: string }>().id
  const scheduled = await operator.request({
    method: 'POST',
    url: `/api/promotions/flash-sales/${sessionId}/schedule`,
  })
  expect(scheduled.statusCode, scheduled.body).toBe(200)
  return { sessionId, skuId, stationId: places.stationId, operator }
}

/** What the app's flash sale uses (its Redis keys), for rounds a test drives with its own clock. */
export function flashContext(mode: 'database' | 'redis', t: TestApp): FlashSaleContext {
  if (mode === 'database') return {}
  const redis = new Redis(REDIS_URL)
  cleanups.push(async () => {
    await redis.quit()
  })
  return flashSaleContext(redis, redisPrefixes.get(t.db))
}

export const minutesFromNow = (minutes: number) =>
  new Date(Date.now() + minutes * 60_000).toISOString()
