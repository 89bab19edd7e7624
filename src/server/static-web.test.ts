import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestDb } from '../test/test-db.js'
import { buildApp } from './build-app.js'

describe('serving the web console', () => {
  it('answers page routes with the console, a missing asset with 404, and serves assets built after start', async () => {
    const webDir = mkdtempSync(path.join(tmpdir(), 'cuntong-web-'))
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>村通</title>')
    mkdirSync(path.join(webDir, 'assets'))
    const { db, destroy } = await createTestDb()
    const app = await buildApp({ db, sessionSecret: 'x'.repeat(40), webDir })
    try {
      expect((await app.inject({ method: 'GET', url: '/users?page=2' })).body).toContain('村通')
      expect((await app.inject({ method: 'GET', url: '/assets/index-old.js' })).statusCode).toBe(
        404,
      )
      writeFileSync(path.join(webDir, 'assets', 'index-new.js'), 'console.log(1)')
      const asset = await app.inject({ method: 'GET', url: '/assets/index-new.js' })
      expect(asset.statusCode).toBe(200)
      expect(asset.headers['content-type']).toContain('javascript')
      expect((await app.inject({ method: 'GET', url: '/api/unknown' })).statusCode).toBe(404)
    } finally {
      await app.close()
      await destroy()
    }
  })
})
