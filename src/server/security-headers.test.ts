import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestDb } from '../test/test-db.js'
import { buildApp } from './build-app.js'

async function headersOf(urls: string[], production: boolean) {
  const webDir = mkdtempSync(path.join(tmpdir(), 'cuntong-web-'))
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>村通</title>')
  const { db, destroy } = await createTestDb()
  const app = await buildApp({ db, sessionSecret: 'x'.repeat(40), webDir, production })
  try {
    return await Promise.all(
      urls.map(async (url) => (await app.inject({ method: 'GET', url })).headers),
    )
  } finally {
    await app.close()
    await destroy()
  }
}

describe('security headers', () => {
  it('send every page, the API and its docs with a CSP that forbids framing and inline script', async () => {
    const pages = ['/', '/h5', '/h5/pay/some-token', '/track', '/api/docs', '/api/auth/me']
    for (const headers of await headersOf(pages, false)) {
      const csp = String(headers['content-security-policy'])
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self';")
      expect(csp).toContain("script-src-attr 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('upgrade-insecure-requests')
      expect(headers).toMatchObject({
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
      })
      // A plain-HTTP server must not pin browsers to HTTPS.
      expect(headers['strict-transport-security']).toBeUndefined()
    }
  })

  it('pins browsers to HTTPS in production', async () => {
    const [headers] = await headersOf(['/h5'], true)
    expect(headers?.['strict-transport-security']).toBe('max-age=31536000')
    expect(headers?.['content-security-policy']).toContain('upgrade-insecure-requests')
  })
})
