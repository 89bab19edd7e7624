import SwaggerParser from '@apidevtools/swagger-parser'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../test/test-app.js'

interface VehicleSpec {
  paths: {
    '/api/logistics/vehicles': {
      post: {
        requestBody: {
          content: { 'application/json': { schema: { properties: Record<string, object> } } }
        }
      }
    }
  }
}

describe('OpenAPI description', () => {
  it('is served at /api/docs/json and describes every API route with its security', async () => {
    const { app } = await buildTestApp({ demo: false })
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(res.statusCode).toBe(200)
    const spec = res.json<{
      openapi: string
      paths: Record<string, Record<string, { security?: unknown[]; description?: string }>>
    }>()
    expect(spec.openapi).toMatch(/^3\./)
    for (const path of [
      '/api/auth/login',
      '/api/users',
      '/api/organizations/{id}',
      '/api/audit-log/',
      '/api/geography/divisions',
      '/api/logistics/manifests',
      '/api/logistics/plans',
      '/api/tracking/{waybill}',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path)
    }
    expect(spec.paths['/api/tracking/{waybill}']?.get?.security).toEqual([])
    expect(spec.paths['/api/users']?.get).toMatchObject({
      security: [{ session: [] }, { apiToken: [] }],
      description: 'Requires the `users:read` permission.',
    })
    expect((await app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200)
  })

  it('validates as the OpenAPI version it declares, by the standard validator', async () => {
    const { app } = await buildTestApp({ demo: false })
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<object>()
    expect(spec).toMatchObject({ openapi: '3.0.3' })
    // Throws with every schema violation listed (e.g. a numeric exclusiveMinimum, 3.1-only).
    await expect(SwaggerParser.validate(spec as never)).resolves.toBeDefined()
    // The bound the vehicle form relies on survives the translation: a capacity above 0.
    const vehicleBody = (spec as VehicleSpec).paths['/api/logistics/vehicles'].post.requestBody
    expect(vehicleBody.content['application/json'].schema.properties.capacityM3).toMatchObject({
      minimum: 0,
      exclusiveMinimum: true,
    })
  })
})
