import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/test-app.js'
import { recordAudit } from '../audit/index.js'
import { withTransaction } from './with-transaction.js'

// One request, one transaction: a request that fails half-way leaves nothing behind.

const organizationRow = (id: string) => ({
  id,
  type: 'merchant' as const,
  name: id,
  code: null,
  division_code: null,
  address: null,
  contact_name: null,
  contact_phone: null,
  status: 'active' as const,
  parent_id: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
})

describe('withTransaction', () => {
  it('rolls back the first write when a later step of the same request fails', async () => {
    const { app, db } = await buildTestApp({ demo: false })
    app.post('/api/test/half-done', { config: { access: { public: true } } }, (request) =>
      withTransaction(db, request, async (trx, actor) => {
        await trx.insertInto('organization').values(organizationRow('half-done')).execute()
        await recordAudit(trx, actor, {
          action: 'organization.create',
          entityType: 'organization',
          entityId: 'half-done',
          organizationId: null,
        })
        await trx.insertInto('organization').values(organizationRow('half-done')).execute() // duplicate key
      }),
    )
    const res = await app.inject({ method: 'POST', url: '/api/test/half-done' })
    expect(res.statusCode).toBe(409)
    expect(await db.selectFrom('organization').selectAll().execute()).toEqual([])
    expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual([])
  })

  it('refuses a mutation that wrote no audit entry', async () => {
    const { app, db } = await buildTestApp({ demo: false })
    app.post('/api/test/unaudited', { config: { access: { public: true } } }, (request) =>
      withTransaction(db, request, async (trx) => {
        await trx.insertInto('organization').values(organizationRow('unaudited')).execute()
      }),
    )
    const res = await app.inject({ method: 'POST', url: '/api/test/unaudited' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toMatchObject({
      code: 'internal',
      detailZh: '服务器内部错误，本次操作未保存',
    })
    expect(await db.selectFrom('organization').selectAll().execute()).toEqual([])
  })
})
