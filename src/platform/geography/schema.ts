import { Type, type Static } from 'typebox'
import { Nullable } from '../http/index.js'

export type DivisionLevel = 'county' | 'township' | 'village'

/** Administrative divisions with their GB/T 2260 (county) and NBS statistical (township, village) codes. */
export interface DivisionTable {
  code: string
  name: string
  short_name: string
  level: DivisionLevel
  parent_code: string | null
  lat: number | null
  lon: number | null
  /** Where a coordinate came from and how sure it is; null when there is none. */
  coordinate_note: string | null
  /** 1 for townships run by a scenic area's administration (coded under it, but inside the county). */
  scenic_area: number
  sort_order: number
  /** The statistics bureau's code year (代码年份) of the file it was imported from. */
  code_year: number | null
  /** Set when an import of a newer year no longer lists the code; kept for what references it. */
  retired_in_year: number | null
}

export interface GeographyTables {
  division: DivisionTable
}

export const DivisionLevel = Type.Union([
  Type.Literal('county'),
  Type.Literal('township'),
  Type.Literal('village'),
])

export const Division = Type.Object({
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  level: DivisionLevel,
  parentCode: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  coordinateNote: Nullable(Type.String()),
  scenicArea: Type.Boolean(),
  childCount: Type.Integer(),
})
export type Division = Static<typeof Division>

export const DivisionMatch = Type.Object({
  ...Division.properties,
  path: Type.Array(Type.String()),
})
export type DivisionMatch = Static<typeof DivisionMatch>

export const ChildrenQuery = Type.Object({
  parentCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
})
export const CodeParams = Type.Object({ code: Type.String({ pattern: '^\\d{6,12}$' }) })
export const SearchQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 50 }) })
