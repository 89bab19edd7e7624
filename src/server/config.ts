import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { readMediaConfig, type MediaConfig } from '../modules/commerce/index.js'
import { SMS_TEMPLATES } from '../platform/notifications/index.js'
import { readPaymentConfig, type PaymentConfig } from '../modules/commerce/index.js'
import { readTrustProxy, type TrustProxy } from './trust-proxy.js'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
]

export interface Config {
  port: number
  host: string
  dataDir: string
  /** `sqlite:<file>` or `postgres://…` */
  databaseUrl: string
  /** DATABASE_POOL_SIZE: PostgreSQL connections per node (issue 14); createDb's default without it. */
  databasePoolSize: number | undefined
  redisUrl: string | undefined
  /** REDIS_KEY_PREFIX: before every key, when one Redis serves more than this platform. */
  redisKeyPrefix: string
  sessionSecret: string
  logLevel: LogLevel
  production: boolean
  /** Load the demo data (src/demo) into an empty database on start. */
  demoData: boolean
  sms: SmsConfig
  /** An OSRM server for road distances in dispatch; straight-line estimates without it. */
  osrmUrl: string | undefined
  payment: PaymentConfig
  /** Where product images are kept: DATA_DIR/media, or an S3-compatible bucket. */
  media: MediaConfig
  /** TRUST_PROXY: which proxies' X-Forwarded-For names the client; off by default. */
  trustProxy: TrustProxy
  /** SMS_LOGIN_CODES_HOURLY and SMS_LOGIN_CODES_PER_ADDRESS_HOURLY when set (issue 12). */
  loginCodeLimits: { hourly?: number; perAddressHourly?: number }
}

export type SmsConfig =
  | { provider: 'local' }
  | {
      provider: 'aliyun'
      accessKeyId: string
      accessKeySecret: string
      signName: string
      /** Our template key → Aliyun template code. */
      templateCodes: Record<string, string>
      endpoint: string | undefined
    }

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

/** Reads and validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = []
  const production = env.NODE_ENV === 'production'

  const port = Number(env.PORT ?? '3000')
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, got "${env.PORT ?? ''}"`)
  }

  const dataDir = path.resolve(env.DATA_DIR ?? './data')
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'cuntong.sqlite')}`
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    problems.push(
      'DATABASE_URL must start with postgres:// (PostgreSQL) or sqlite: (a SQLite file)',
    )
  }

  const databasePoolSize = readCount(env, 'DATABASE_POOL_SIZE', problems)
  const redisUrl = env.REDIS_URL === '' ? undefined : env.REDIS_URL
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL must start with redis:// or rediss://')
  }

  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL ?? ''}"`)
  }

  const sms = readSmsConfig(env, problems)
  const trustProxy = readTrustProxy(env.TRUST_PROXY, problems)
  const hourly = readCount(env, 'SMS_LOGIN_CODES_HOURLY', problems)
  const perAddressHourly = readCount(env, 'SMS_LOGIN_CODES_PER_ADDRESS_HOURLY', problems)
  const payment = readPaymentConfig(env, problems)
  const media = readMediaConfig(env, problems)

  const osrmUrl = env.OSRM_URL === '' ? undefined : env.OSRM_URL
  if (osrmUrl !== undefined && !/^https?:\/\//.test(osrmUrl)) {
    problems.push('OSRM_URL must start with http:// or https://')
  }

  let sessionSecret = env.SESSION_SECRET
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters')
  }
  if (sessionSecret === undefined && production) {
    problems.push('SESSION_SECRET must be set when NODE_ENV=production')
  }
  if (problems.length > 0) throw new ConfigError(problems)

  sessionSecret ??= readOrCreateSecret(dataDir)
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    databasePoolSize,
    redisUrl,
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? '',
    sessionSecret,
    logLevel,
    production,
    demoData: env.DEMO_DATA !== 'off',
    sms,
    osrmUrl,
    payment,
    media,
    trustProxy,
    loginCodeLimits: {
      ...(hourly === undefined ? {} : { hourly }),
      ...(perAddressHourly === undefined ? {} : { perAddressHourly }),
    },
  }
}

/** An optional whole number of at least 1. */
function readCount(env: Env, name: string, problems: string[]): number | undefined {
  const value = env[name]
  if (value === undefined || value === '') return undefined
  const count = Number(value)
  if (Number.isInteger(count) && count >= 1) return count
  problems.push(`${name} must be a whole number of at least 1, got "${value}"`)
  return undefined
}

/** SMS_PROVIDER=local (default: nothing leaves the machine) or aliyun with its credentials. */
function readSmsConfig(env: Env, problems: string[]): SmsConfig {
  const provider = env.SMS_PROVIDER ?? 'local'
  if (provider === 'local') return { provider }
  if (provider !== 'aliyun') {
    problems.push(`SMS_PROVIDER must be local or aliyun, got "${provider}"`)
    return { provider: 'local' }
  }
  const required = {
    accessKeyId: 'ALIYUN_SMS_ACCESS_KEY_ID',
    accessKeySecret: 'ALIYUN_SMS_ACCESS_KEY_SECRET',
    templates: 'ALIYUN_SMS_TEMPLATE_CODES',
  } as const
  for (const name of Object.values(required)) {
    if (!env[name]) problems.push(`${name} must be set when SMS_PROVIDER=aliyun`)
  }
  const templateCodes: Record<string, string> = {}
  for (const pair of (env.ALIYUN_SMS_TEMPLATE_CODES ?? '').split(',').filter(Boolean)) {
    const [key, code] = pair.split('=').map((part) => part.trim())
    if (!key || !code) problems.push(`ALIYUN_SMS_TEMPLATE_CODES: "${pair}" is not key=SMS_code`)
    else templateCodes[key] = code
  }
  for (const key of Object.keys(SMS_TEMPLATES)) {
    if (env.ALIYUN_SMS_TEMPLATE_CODES && !(key in templateCodes)) {
      problems.push(`ALIYUN_SMS_TEMPLATE_CODES has no code for the template ${key}`)
    }
  }
  return {
    provider,
    accessKeyId: env[required.accessKeyId] ?? '',
    accessKeySecret: env[required.accessKeySecret] ?? '',
    // Optional: the county's signature (县域设置) unless the gateway's approved one differs.
    signName: env.ALIYUN_SMS_SIGN_NAME ?? '',
    templateCodes,
    endpoint: env.ALIYUN_SMS_ENDPOINT === '' ? undefined : env.ALIYUN_SMS_ENDPOINT,
  }
}

/** Outside production the session secret is generated once and kept in DATA_DIR, so sessions survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(48).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
