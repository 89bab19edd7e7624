import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { notFound } from '../../shared/errors.js'
import { ancestorNames, pathOf } from './division-paths.js'
import {
  ChildrenQuery,
  CodeParams,
  Division,
  DivisionMatch,
  SearchQuery,
  type DivisionTable,
} from './schema.js'

export const geographyRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/divisions',
    {
      schema: {
        tags: ['geography'],
        summary: 'Children of a division; without parentCode, the county itself',
        querystring: ChildrenQuery,
        response: { 200: Type.Array(Division) },
      },
      // Public reference data (the statistics bureau's codes): the H5 shop's address form reads it.
      config: { access: { public: true } },
    },
    async (request) => {
      let query = selectDivisions(db)
      query =
        request.query.parentCode === undefined
          ? query.where('parent_code', 'is', null)
          : query.where('parent_code', '=', request.query.parentCode)
      return (await query.orderBy('sort_order').orderBy('code').execute()).map(toDivision)
    },
  )

  app.get(
    '/divisions/:code',
    {
      schema: { tags: ['geography'], params: CodeParams, response: { 200: Division } },
      config: { access: { permission: 'geography:read' } },
    },
    async (request) => {
      const row = await selectDivisions(db)
        .where('code', '=', request.params.code)
        .executeTakeFirst()
      if (!row) throw notFound({ en: 'division', zh: '行政区划' }, request.params.code)
      return toDivision(row)
    },
  )

  app.get(
    '/search',
    {
      schema: {
        tags: ['geography'],
        summary: 'Divisions whose name or code contains q (at most 50), with their path',
        querystring: SearchQuery,
        response: { 200: Type.Array(DivisionMatch) },
      },
      config: { access: { permission: 'geography:read' } },
    },
    async (request) => {
      const q = request.query.q.trim()
      const rows = await selectDivisions(db)
        .where((eb) => eb.or([eb('name', 'like', `%${q}%`), eb('code', 'like', `${q}%`)]))
        .orderBy('code')
        .limit(50)
        .execute()
      const names = await ancestorNames(db, rows)
      return rows.map((row) => ({ ...toDivision(row), path: pathOf(row, names) }))
    },
  )
}

function selectDivisions(db: Db) {
  return db
    .selectFrom('division')
    .selectAll('division')
    .select((eb) =>
      eb
        .selectFrom('division as child')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('child.parent_code', '=', 'division.code')
        .as('child_count'),
    )
}

type DivisionWithCount = DivisionTable & { child_count: number | null }

const toDivision = (row: DivisionWithCount): Division => ({
  code: row.code,
  name: row.name,
  shortName: row.short_name,
  level: row.level,
  parentCode: row.parent_code,
  lat: row.lat,
  lon: row.lon,
  coordinateNote: row.coordinate_note,
  scenicArea: row.scenic_area === 1,
  childCount: row.child_count ?? 0,
})
