import fastifyMultipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { invalidField, notFound } from '../../shared/errors.js'
import { shanghaiDate } from '../../shared/clock.js'
import { fillSheet, sendWorkbook } from '../export/index.js'
import { withTransaction } from '../http/index.js'
import { DivisionImportResult, divisionTemplateCsv, importDivisions } from './division-import.js'
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
  // The statistics bureau's file of a county: a few thousand rows at most.
  await app.register(fastifyMultipart, {
    limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 },
  })
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
      // A code a newer year no longer lists is kept for what names it, but not offered.
      query = query.where('retired_in_year', 'is', null)
      return (await query.orderBy('sort_order').orderBy('code').execute()).map(toDivision)
    },
  )

  app.post(
    '/divisions/import',
    {
      schema: {
        tags: ['geography'],
        summary:
          "Import the county's divisions from the statistics bureau's file (CSV or XLSX, multipart: codeYear, then file); all rows or none",
        consumes: ['multipart/form-data'],
        response: { 200: DivisionImportResult },
      },
      config: { access: { permission: 'network:write' } },
    },
    async (request) => {
      const file = await request.file()
      if (!file)
        throw invalidField('file', {
          en: 'attach the file as "file"',
          zh: '请上传区划文件（字段 file）',
        })
      const content = await file.toBuffer()
      const field = file.fields.codeYear
      const codeYear = Number(
        field && !Array.isArray(field) && field.type === 'field' ? field.value : NaN,
      )
      if (!Number.isInteger(codeYear) || codeYear < 2009 || codeYear > 2100)
        throw invalidField('codeYear', {
          en: 'the code year (代码年份) of the file, e.g. 2023',
          zh: '请填写文件的代码年份，如 2023',
        })
      return withTransaction(db, request, (trx, actor) =>
        importDivisions(trx, actor, { fileName: file.filename, content }, codeYear),
      )
    },
  )

  app.get(
    '/divisions/template.csv',
    {
      schema: {
        tags: ['geography'],
        summary: 'The import template, with one example per level',
        querystring: Type.Object({}),
      },
      config: { access: { permission: 'geography:read' } },
    },
    (_request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent('区划导入模板.csv')}`,
        )
        .send(`\uFEFF${divisionTemplateCsv()}\r\n`),
  )

  app.get(
    '/divisions.xlsx',
    {
      schema: {
        tags: ['geography'],
        summary: 'Every division as an Excel download',
        querystring: Type.Object({}),
      },
      config: { access: { permission: 'geography:read' } },
    },
    async (_request, reply) => {
      const rows = await db.selectFrom('division').selectAll().orderBy('code').execute()
      const level = { county: '县', township: '乡镇', village: '村' } as const
      return sendWorkbook(reply, `行政区划_${shanghaiDate(Date.now())}.xlsx`, [
        fillSheet({
          name: '行政区划',
          columns: [
            { header: '区划代码', value: (r) => r.code, width: 16 },
            { header: '名称', value: (r) => r.name, width: 24 },
            { header: '级别', value: (r) => level[r.level] },
            { header: '上级代码', value: (r) => r.parent_code, width: 16 },
            { header: '纬度', value: (r) => r.lat },
            { header: '经度', value: (r) => r.lon },
            { header: '代码年份', value: (r) => r.code_year },
            { header: '停用年份', value: (r) => r.retired_in_year },
          ],
          rows,
        }),
      ])
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
