import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterEach } from 'vitest'
import { seedDemoData } from '../demo/seed.js'
import { DEMO_PASSWORD } from '../demo/demo-accounts.js'
import {
  createPromotionHookRegistry,
  type LoginCodeLimits,
  type MediaStorage,
  type PromotionHookRegistry,
} from '../modules/commerce/index.js'
import type { TravelMatrixProvider } from '../routing/index.js'
import { buildApp } from '../server/build-app.js'
import {
  localPayments,
  type ConfiguredPayments,
  type SentCallback,
} from '../modules/commerce/index.js'
import type { TrustProxy } from '../server/trust-proxy.js'
import { demoAccounts } from './factories.js'
import { createTestDb } from './test-db.js'

type App = Awaited<ReturnType<typeof buildApp>>

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

export interface TestApp {
  app: App
  db: Awaited<ReturnType<typeof createTestDb>>['db']
  dialect: 'sqlite' | 'postgres'
  /** Signs in through the real login route; the returned client sends cookie and CSRF token. */
  logIn: (username: string, password?: string) => Promise<Client>
  /** The local payment stand-in the app uses, and every callback it has sent (to replay them). */
  payments: ConfiguredPayments
  sentCallbacks: SentCallback[]
  /** The app's promotion order hooks, for calling commerce's payment functions directly. */
  promotionHooks: PromotionHookRegistry
}

export interface Client {
  userId: string
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>
}

/**
 * A real app over a fresh database, closed after the test. With the whole Wutai demo data unless
 * `demo: false`; then `accounts` names the demo accounts to create (see factories.ts), and the
 * test makes the rest of what it needs with the factories.
 */
export async function buildTestApp({
  demo = true,
  accounts = [],
  roadMatrix,
  media,
  trustProxy,
  loginCodeLimits,
  setupGate = false,
}: {
  demo?: boolean
  accounts?: readonly string[]
  roadMatrix?: TravelMatrixProvider
  media?: MediaStorage
  trustProxy?: TrustProxy
  loginCodeLimits?: Partial<LoginCodeLimits>
  /** The first-run gate main.ts turns on (issue 15): 503 until a county is set up. */
  setupGate?: boolean
} = {}): Promise<TestApp> {
  const handle = await createTestDb()
  if (demo && accounts.length > 0) throw new Error('accounts are for `demo: false`')
  if (demo) await seedDemoData(handle.db)
  else await demoAccounts(handle.db, accounts)
  const sessionSecret = 'test-secret-that-is-long-enough-0123456789'
  const sentCallbacks: SentCallback[] = []
  const payments = localPayments(() => app, handle.db, sessionSecret, sentCallbacks)
  const promotionHooks = createPromotionHookRegistry()
  const app = await buildApp({
    db: handle.db,
    sessionSecret,
    payments,
    promotionHooks,
    ...(roadMatrix ? { roadMatrix } : {}),
    ...(media ? { media } : {}),
    ...(trustProxy === undefined ? {} : { trustProxy }),
    ...(loginCodeLimits ? { loginCodeLimits } : {}),
    setupGate,
  })
  cleanups.push(async () => {
    await app.close()
    await handle.destroy()
  })
  const logIn = async (username: string, password = DEMO_PASSWORD): Promise<Client> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    })
    if (response.statusCode !== 200)
      throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`)
    const cookie = response.cookies.find((c) => c.name === 'ct_session')
    const me = response.json<{ user: { id: string }; csrfToken: string }>()
    return {
      userId: me.user.id,
      request: (options) =>
        app.inject({
          ...options,
          headers: {
            cookie: `ct_session=${cookie?.value ?? ''}`,
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
