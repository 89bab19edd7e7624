import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyHelmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify'
import type { Redis } from 'ioredis'
import type { Db } from '../db/database.js'
import {
  catalogRoutes,
  localPayments,
  createPromotionHookRegistry,
  LOGIN_CODE_LIMITS,
  MemoryMediaStorage,
  moveOrderWithParcel,
  orderRoutes,
  type ConfiguredPayments,
  type LoginCodeLimits,
  type MediaStorage,
  type PromotionHookRegistry,
} from '../modules/commerce/index.js'
import {
  eventRoutes,
  bargainBulkRounds,
  bargainHooks,
  bargainRoutes,
  bulkBuyHooks,
  bulkBuyRoutes,
  flashSaleContext,
  flashSaleHooks,
  flashSaleRoutes,
  skuLabelRoutes,
  teamBuyHooks,
  teamBuyRoutes,
} from '../modules/promotions/index.js'
import type { TravelMatrixProvider } from '../routing/index.js'
import {
  logisticsReportRoutes,
  logisticsRoutes,
  planRoutes,
  trackingRoutes,
  uplinkRoutes,
} from '../modules/logistics/index.js'
import { accountRoutes, type RevokeSessions } from '../platform/accounts/index.js'
import { registerAccessGuard } from '../platform/access/index.js'
import { auditRoutes } from '../platform/audit/index.js'
import {
  apiTokenRoutes,
  authRoutes,
  createPrincipalCache,
  registerAuthentication,
  revokeSessionsOf,
} from '../platform/auth/index.js'
import { countyRoutes } from '../platform/county/index.js'
import { geographyRoutes, regionRoutes } from '../platform/geography/index.js'
import {
  boundRouteSchemas,
  classifyError,
  refuseControlCharacters,
  sendProblem,
  validatorCompiler,
} from '../platform/http/index.js'
import { smsRoutes } from '../platform/notifications/index.js'
import { registerSetupGate, setupRoutes } from '../platform/setup/index.js'
import { AppError } from '../shared/errors.js'
import { newId } from '../shared/ids.js'
import { createErrorHandler } from './error-handler.js'
import { healthRoutes } from './health-routes.js'
import { toOpenApi303 } from './openapi-303.js'
import { securityHeaders } from './security-headers.js'
import { toFastifyTrustProxy, type TrustProxy } from './trust-proxy.js'

export interface AppOptions {
  db: Db
  sessionSecret: string
  logger?: FastifyServerOptions['logger']
  /** The built web console (web/dist); served with a fallback to index.html when present. */
  webDir?: string
  secureCookies?: boolean
  /** Product images; main.ts passes the configured one (disk or S3), tests get memory. */
  media?: MediaStorage
  /** Road distances for dispatch (OSRM); straight-line estimates without it. */
  roadMatrix?: TravelMatrixProvider
  /** The payment provider; the local stand-in (callbacks delivered into this app) without it. */
  payments?: ConfiguredPayments
  /** Show consumers their sign-in code: only when SMS is the local stand-in, which texts nothing. */
  revealLoginCodes?: boolean
  /** Background jobs of a serving node (payment expiry and refunds); off in tests. */
  backgroundJobs?: boolean
  /** Redis (REDIS_URL): flash sale admissions run as one Lua script there. */
  redis?: Redis
  /** Put before every Redis key (REDIS_KEY_PREFIX): apps sharing one Redis never meet. */
  redisKeyPrefix?: string
  /** Served over HTTPS (NODE_ENV=production): security headers add HSTS. */
  production?: boolean
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy
  /** Sign-in codes per address and per hour (SMS_LOGIN_CODES_*); the defaults without it. */
  loginCodeLimits?: Partial<LoginCodeLimits>
  /**
   * Where every promotion's order hooks are registered; made here without it (tests pass one to
   * call commerce's payment and refund functions directly).
   */
  promotionHooks?: PromotionHookRegistry
  /**
   * Answer 503 "setup required" on every API but /api/setup while there is no county (main.ts
   * turns it on; tests that are not about setup make their own county or need none).
   */
  setupGate?: boolean
}

export async function buildApp({
  db,
  sessionSecret,
  logger = false,
  webDir,
  secureCookies = false,
  media = new MemoryMediaStorage(),
  roadMatrix,
  payments,
  revealLoginCodes = true,
  backgroundJobs = false,
  redis,
  redisKeyPrefix = '',
  production = false,
  trustProxy = false,
  loginCodeLimits,
  promotionHooks = createPromotionHookRegistry(),
  setupGate = false,
}: AppOptions) {
  // Commerce tells each kind of promotion about its orders: wired here, visibly, and checked
  // before anything else, so a kind without hooks stops the start, not a payment.
  const flashSale = flashSaleContext(redis, redisKeyPrefix)
  promotionHooks.register('flash_sale', flashSaleHooks(flashSale))
  promotionHooks.register('team_buy', teamBuyHooks())
  promotionHooks.register('bargain', bargainHooks())
  promotionHooks.register('bulk_buy', bulkBuyHooks())
  promotionHooks.assertComplete()

  const app = Fastify({
    logger,
    genReqId: () => newId(),
    trustProxy: toFastifyTrustProxy(trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    // Shut down in step with the load balancer: stop accepting, finish what is in flight.
    forceCloseConnections: 'idle',
    // The router's own refusals (a broken %-escape, an over-long path parameter) are problems too.
    frameworkErrors: (error, request, reply) => {
      const problem = classifyError(error, request)
      if (problem) void sendProblem(reply, problem, request.id)
      else void (reply as FastifyReply).send(error)
    },
  }).withTypeProvider<TypeBoxTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setErrorHandler(createErrorHandler(db))
  // Before any route (and before the OpenAPI plugin reads them): every request schema bounded.
  app.addHook('onRoute', boundRouteSchemas)
  app.addHook('preValidation', refuseControlCharacters)

  await app.register(fastifyHelmet, securityHeaders({ production }))
  await app.register(fastifyCookie, { secret: sessionSecret })
  await app.register(fastifySwagger, {
    transformObject: (document) =>
      'openapiObject' in document ? toOpenApi303(document.openapiObject) : document.swaggerObject,
    openapi: {
      info: {
        title: 'Cuntong API',
        description: '村通：县域农村电商综合服务平台 API',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ct_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })

  // With Redis, nodes keep sessions in memory for seconds and tell each other what to forget.
  const principals = redis
    ? await createPrincipalCache(redis, { channel: `${redisKeyPrefix}principals:forget` })
    : undefined
  app.addHook('onClose', async () => principals?.close())
  const revokeSessions: RevokeSessions = async (trx, userId, exceptSessionId) => {
    await revokeSessionsOf(trx, userId, exceptSessionId)
    await principals?.forgetUser(userId)
  }
  // Before authentication and the access guard: nothing but setup answers before setup.
  if (setupGate) registerSetupGate(app, db)
  registerAuthentication(app, db, principals)
  registerAccessGuard(app, db)

  await app.register(healthRoutes, { db })
  await app.register(setupRoutes, { prefix: '/api/setup', db })
  await app.register(countyRoutes, { prefix: '/api/county', db })
  await app.register(authRoutes, { prefix: '/api/auth', db, secureCookies, principals })
  await app.register(accountRoutes, { prefix: '/api', db, revokeSessions })
  await app.register(apiTokenRoutes, { prefix: '/api/api-tokens', db })
  await app.register(auditRoutes, { prefix: '/api/audit-log', db })
  await app.register(geographyRoutes, { prefix: '/api/geography', db })
  await app.register(regionRoutes, { prefix: '/api/regions' })
  await app.register(logisticsRoutes, {
    prefix: '/api/logistics',
    db,
    onScan: moveOrderWithParcel,
  })
  await app.register(logisticsReportRoutes, { prefix: '/api/logistics', db })
  await app.register(planRoutes, {
    prefix: '/api/logistics',
    db,
    revokeSessions,
    ...(roadMatrix ? { roadMatrix } : {}),
  })
  await app.register(uplinkRoutes, { prefix: '/api/logistics', db })
  await app.register(trackingRoutes, { prefix: '/api/tracking', db })
  await app.register(catalogRoutes, { prefix: '/api/commerce', db, media })
  await app.register(smsRoutes, { prefix: '/api/notifications/sms', db })
  const payment = payments ?? localPayments(() => app, db, sessionSecret)
  await app.register(orderRoutes, {
    prefix: '/api/commerce',
    db,
    payments: payment.provider,
    notifyUrl: payment.notifyUrl,
    revealLoginCodes,
    secureCookies,
    challengeSecret: sessionSecret,
    loginCodeLimits: { ...LOGIN_CODE_LIMITS, ...loginCodeLimits },
    paymentWorker: backgroundJobs,
    promotionHooks,
    ...(payment.localGateway ? { localGateway: payment.localGateway } : {}),
  })
  await app.register(flashSaleRoutes, {
    prefix: '/api/promotions',
    db,
    context: flashSale,
    payments: payment.provider,
    notifyUrl: payment.notifyUrl,
    worker: backgroundJobs,
  })
  await app.register(teamBuyRoutes, {
    prefix: '/api/promotions',
    db,
    payments: payment.provider,
    notifyUrl: payment.notifyUrl,
    worker: backgroundJobs,
    promotionHooks,
  })
  await app.register(bargainRoutes, {
    prefix: '/api/promotions',
    db,
    payments: payment.provider,
    notifyUrl: payment.notifyUrl,
    promotionHooks,
  })
  await app.register(bulkBuyRoutes, {
    prefix: '/api/promotions',
    db,
    payments: payment.provider,
    notifyUrl: payment.notifyUrl,
  })
  // The bargain and bulk-buy rounds run together.
  if (backgroundJobs) await app.register(bargainBulkRounds, { db, promotionHooks })
  await app.register(eventRoutes, { prefix: '/api/promotions', db })
  await app.register(skuLabelRoutes, { prefix: '/api/promotions', db })

  const hasWeb = webDir !== undefined && existsSync(path.join(webDir, 'index.html'))
  // Files are looked up per request (wildcard), so a rebuilt console is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: path.resolve(webDir), wildcard: true })
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes get the console; a missing file (an old bundle after a deploy) is a real 404.
    const pathname = request.url.split('?')[0] ?? ''
    const isPageRoute = !pathname.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(pathname)
    if (hasWeb && request.method === 'GET' && isPageRoute) return reply.sendFile('index.html')
    return sendProblem(
      reply,
      new AppError('not_found', {
        en: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
        zh: '接口不存在',
      }),
      request.id,
    )
  })
  return app
}
