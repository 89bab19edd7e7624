import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/test-app.js'
import { recordAudit } from '../audit/index.js'
import { withGroupCommit } from './with-transaction.js'
import { anOrganization } from '../../test/factories.js'
import { auditEntries, organizationRows } from '../../test/inspect.js'

// Requests writing at the same moment may share a commit (SQLite, issue 14), yet each stays
// all or nothing: one that fails half-way leaves nothing behind and takes no other with it.

describe('withGroupCommit', () => {
  it('keeps every request whole when requests writing at once fail half-way', async () => {
    const { app, db } = await buildTestApp({ demo: false })
    app.post<{ Params: { id: string } }>(
      '/api/test/organizations/:id',
      { config: { access: { public: true } } },
      (request) =>
        withGroupCommit(db, request, async (trx, actor) => {
          const { id } = request.params
          await anOrganization(trx, { id, name: id })
          await recordAudit(trx, actor, {
            action: 'organization.create',
            entityType: 'organization',
            entityId: id,
            organizationId: null,
          })
          if (id.startsWith('bad')) await anOrganization(trx, { id }) // duplicate key
          return { id }
        }),
    )
    const ids = ['ok-1', 'bad-1', 'ok-2', 'ok-3', 'bad-2', 'ok-4']
    const answers = await Promise.all(
      ids.map((id) => app.inject({ method: 'POST', url: `/api/test/organizations/${id}` })),
    )
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 409, 200, 200, 409, 200])
    const kept = ['ok-1', 'ok-2', 'ok-3', 'ok-4']
    expect((await organizationRows(db)).map((row) => row.id)).toEqual(kept)
    expect((await auditEntries(db)).map((entry) => entry.entity_id).sort()).toEqual(kept)
  })

  it('refuses a mutation that wrote no audit entry, and keeps the others of its group', async () => {
    const { app, db } = await buildTestApp({ demo: false })
    app.post<{ Params: { id: string } }>(
      '/api/test/organizations/:id',
      { config: { access: { public: true } } },
      (request) =>
        withGroupCommit(db, request, async (trx, actor) => {
          const { id } = request.params
          await anOrganization(trx, { id, name: id })
          if (id !== 'unaudited')
            await recordAudit(trx, actor, {
              action: 'organization.create',
              entityType: 'organization',
              entityId: id,
              organizationId: null,
            })
          return { id }
        }),
    )
    const answers = await Promise.all(
      ['first', 'unaudited', 'last'].map((id) =>
        app.inject({ method: 'POST', url: `/api/test/organizations/${id}` }),
      ),
    )
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 500, 200])
    expect((await organizationRows(db)).map((row) => row.id)).toEqual(['first', 'last'])
  })
})
