import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'cuntong-config-'))

describe('configuration', () => {
  it('defaults to port 3000 and an SQLite file in DATA_DIR', () => {
    const dataDir = tempDir()
    const config = loadConfig({ DATA_DIR: dataDir })
    expect(config.port).toBe(3000)
    expect(config.databaseUrl).toBe(`sqlite:${path.join(dataDir, 'cuntong.sqlite')}`)
    expect(config.redisUrl).toBeUndefined()
  })

  it('generates a session secret once and keeps it in DATA_DIR', () => {
    const dataDir = tempDir()
    const first = loadConfig({ DATA_DIR: dataDir }).sessionSecret
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(first)
    expect(readFileSync(path.join(dataDir, 'session-secret'), 'utf8')).toBe(first)
  })

  it('lists every problem at once', () => {
    let error: unknown
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        REDIS_URL: 'localhost:6379',
        DATA_DIR: tempDir(),
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).problems).toHaveLength(4)
  })

  it('requires SESSION_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tempDir() })).toThrow(
      /SESSION_SECRET/,
    )
    expect(
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATA_DIR: tempDir() })
        .production,
    ).toBe(true)
  })

  it('selects PostgreSQL from DATABASE_URL', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgres://localhost/cuntong', DATA_DIR: tempDir() }).databaseUrl,
    ).toBe('postgres://localhost/cuntong')
  })

  it('sends SMS locally by default and through Aliyun only with every credential and template code', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).sms).toEqual({ provider: 'local' })
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ DATA_DIR: tempDir(), ...env })
        return []
      } catch (error) {
        return (error as ConfigError).problems
      }
    }
    expect(problems({ SMS_PROVIDER: 'aliyun' })).toEqual([
      'ALIYUN_SMS_ACCESS_KEY_ID must be set when SMS_PROVIDER=aliyun',
      'ALIYUN_SMS_ACCESS_KEY_SECRET must be set when SMS_PROVIDER=aliyun',
      'ALIYUN_SMS_TEMPLATE_CODES must be set when SMS_PROVIDER=aliyun',
    ])
    const aliyun = {
      SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ACCESS_KEY_ID: 'id',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
      ALIYUN_SMS_SIGN_NAME: '五台村通',
    }
    expect(problems({ ...aliyun, ALIYUN_SMS_TEMPLATE_CODES: 'other=SMS_1' })).toEqual([
      'ALIYUN_SMS_TEMPLATE_CODES has no code for the template parcel_arrived',
      'ALIYUN_SMS_TEMPLATE_CODES has no code for the template pickup_reminder',
      'ALIYUN_SMS_TEMPLATE_CODES has no code for the template login_code',
    ])
    expect(
      loadConfig({
        DATA_DIR: tempDir(),
        ...aliyun,
        ALIYUN_SMS_TEMPLATE_CODES:
          'parcel_arrived=SMS_465000001,pickup_reminder=SMS_465000003,login_code=SMS_465000002',
      }).sms,
    ).toMatchObject({ provider: 'aliyun', templateCodes: { parcel_arrived: 'SMS_465000001' } })
    expect(problems({ SMS_PROVIDER: 'carrier-pigeon' })).toHaveLength(1)
  })

  it('takes an OSRM server for road distances when given one', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).osrmUrl).toBeUndefined()
    expect(loadConfig({ DATA_DIR: tempDir(), OSRM_URL: 'http://osrm:5000' }).osrmUrl).toBe(
      'http://osrm:5000',
    )
    expect(() => loadConfig({ DATA_DIR: tempDir(), OSRM_URL: 'osrm:5000' })).toThrow(/OSRM_URL/)
  })

  it('trusts no proxy unless TRUST_PROXY names a hop count or the proxies', () => {
    const trustProxy = (value?: string) =>
      loadConfig({ DATA_DIR: tempDir(), ...(value === undefined ? {} : { TRUST_PROXY: value }) })
        .trustProxy
    expect(trustProxy()).toBe(false)
    expect(trustProxy('off')).toBe(false)
    expect(trustProxy('1')).toBe(1)
    expect(trustProxy('10.0.0.2, 10.8.0.0/16,::1')).toEqual(['10.0.0.2', '10.8.0.0/16', '::1'])
    // `true` would believe any client's X-Forwarded-For: refused, like nonsense.
    for (const bad of ['true', '0', '10.0.0.0/33', 'proxy.local'])
      expect(() => trustProxy(bad), bad).toThrow(/TRUST_PROXY/)
  })

  it('takes the sign-in code limits from the environment when set', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).loginCodeLimits).toEqual({})
    expect(
      loadConfig({
        DATA_DIR: tempDir(),
        SMS_LOGIN_CODES_HOURLY: '300',
        SMS_LOGIN_CODES_PER_ADDRESS_HOURLY: '10',
      }).loginCodeLimits,
    ).toEqual({ hourly: 300, perAddressHourly: 10 })
    expect(() => loadConfig({ DATA_DIR: tempDir(), SMS_LOGIN_CODES_HOURLY: 'lots' })).toThrow(
      /SMS_LOGIN_CODES_HOURLY/,
    )
  })
  it('takes the PostgreSQL pool size per node from DATABASE_POOL_SIZE (issue 14)', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).databasePoolSize).toBeUndefined()
    expect(loadConfig({ DATA_DIR: tempDir(), DATABASE_POOL_SIZE: '20' }).databasePoolSize).toBe(20)
    expect(() => loadConfig({ DATA_DIR: tempDir(), DATABASE_POOL_SIZE: '0' })).toThrow(
      /DATABASE_POOL_SIZE/,
    )
  })
})
