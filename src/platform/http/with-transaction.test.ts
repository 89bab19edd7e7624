import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/test-app.js'
import { recordAudit } from '../audit/index.js'
import { withTransaction } from './with-transaction.js'
import { anOrganization } from '../../test/factories.js'
import { auditEntries, organizationRows } from '../../test/inspect.js'

// One request, one transaction: a request that fails half-way leaves nothing behind.

describe('withTransaction', () => {
  it('rolls back the first write when a later step of the same request fails', async () => {
    const { app, db } = await buildTestApp({ demo: false })
    app.post('/api/test/half-done', { config: { access: { public: true } } }, (request) =>
      withTransaction(db, request, async (trx, actor) => {
        await anOrganization(trx, { id: 'half-done' })
        await recordAudit(trx, actor, {
          action: 'organization.create',
          entityType: 'organization',
          entityId: 'half-done',
          organizationId: null,
        })
        await anOrganization(trx, { id: 'half-done' }) // duplicate key
      }),
    )
    const res = await app.inject({ method: 'POST', url: '/api/test/half-done' })
    expect(res.statusCode).toBe(409)
    expect(await organizationRows(db)).toEqual([])
    expect(await auditEntries(db)).toEqual([])
  })

  it('refuses a mutation that wrote no audit entry', async () => {
    const { app, db } = await buildTestApp({ demo: false })
    app.post('/api/test/unaudited', { config: { access: { public: true } } }, (request) =>
      withTransaction(db, request, async (trx) => {
        await anOrganization(trx, { id: 'unaudited' })
      }),
    )
    const res = await app.inject({ method: 'POST', url: '/api/test/unaudited' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toMatchObject({
      code: 'internal',
      detailZh: '服务器内部错误，本次操作未保存',
    })
    expect(await organizationRows(db)).toEqual([])
  })
})
