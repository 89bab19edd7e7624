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
})
