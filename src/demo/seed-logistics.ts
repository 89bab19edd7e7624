import { readFileSync } from 'node:fs'
import type { Db } from '../db/database.js'
import type { LogisticsSiteTable, VehicleTable } from '../modules/logistics/index.js'
import { nowIso } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import { seededRandom } from '../shared/seeded-random.js'

// The Wutai network (LOG-1): the county hub, a station in every township and every village.
// Public data places only a few of them; the rest get positions generated inside the county's
// outline near their township, marked approximate until a clerk corrects them.

interface Outline {
  ring: [number, number][]
}
const OUTLINE = (
  JSON.parse(readFileSync(new URL('./wutai/outline.json', import.meta.url), 'utf8')) as Outline
).ring

/** Ray casting: is the point inside the county's outline? */
function isInsideCounty(lon: number, lat: number): boolean {
  let inside = false
  for (let i = 0, j = OUTLINE.length - 1; i < OUTLINE.length; j = i++) {
    const [xi, yi] = OUTLINE[i] ?? [0, 0]
    const [xj, yj] = OUTLINE[j] ?? [0, 0]
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

const BOUNDS = OUTLINE.reduce(
  (b, [lon, lat]) => ({
    minLon: Math.min(b.minLon, lon),
    maxLon: Math.max(b.maxLon, lon),
    minLat: Math.min(b.minLat, lat),
    maxLat: Math.max(b.maxLat, lat),
  }),
  { minLon: Infinity, maxLon: -Infinity, minLat: Infinity, maxLat: -Infinity },
)

/** A point inside the county, near `around` when given (within about `radiusDeg`). */
function generatePosition(
  seedText: string,
  around: { lat: number; lon: number } | null,
  radiusDeg: number,
): { lat: number; lon: number } {
  const random = seededRandom(seedText)
  for (let attempt = 0; attempt < 500; attempt++) {
    const lon = around
      ? around.lon + (random() * 2 - 1) * radiusDeg
      : BOUNDS.minLon + random() * (BOUNDS.maxLon - BOUNDS.minLon)
    const lat = around
      ? around.lat + (random() * 2 - 1) * radiusDeg * 0.8
      : BOUNDS.minLat + random() * (BOUNDS.maxLat - BOUNDS.minLat)
    if (isInsideCounty(lon, lat))
      return { lat: Number(lat.toFixed(5)), lon: Number(lon.toFixed(5)) }
  }
  return around ?? { lat: 38.725, lon: 113.2522 }
}

export async function seedLogisticsNetwork(db: Db): Promise<number> {
  const divisions = await db.selectFrom('division').selectAll().orderBy('sort_order').execute()
  const stationOrganizations = await db
    .selectFrom('organization')
    .select(['id', 'division_code'])
    .where('type', '=', 'village_station')
    .execute()
  const organizationByDivision = new Map(stationOrganizations.map((o) => [o.division_code, o.id]))
  const now = nowIso()
  const sites: LogisticsSiteTable[] = []
  const site = (
    kind: LogisticsSiteTable['kind'],
    name: string,
    divisionCode: string,
    position: { lat: number; lon: number },
    approximate: boolean,
    openingHours: string,
  ): LogisticsSiteTable => ({
    id: newId(),
    code: divisionCode,
    kind,
    name,
    division_code: divisionCode,
    address: null,
    lat: position.lat,
    lon: position.lon,
    coordinates_approximate: approximate ? 1 : 0,
    opening_hours: openingHours,
    master_name: null,
    master_phone: null,
    organization_id: organizationByDivision.get(divisionCode) ?? null,
    closed_at: null,
    created_at: now,
    updated_at: now,
  })

  const county = divisions.find((d) => d.level === 'county')
  if (!county) return 0
  sites.push(
    site(
      'hub',
      `${county.name}县级仓储物流中心`,
      county.code,
      { lat: county.lat ?? 38.725, lon: county.lon ?? 113.2522 },
      true,
      '06:00-22:00',
    ),
  )
  const townshipPositions = new Map<string, { lat: number; lon: number }>()
  for (const township of divisions.filter((d) => d.level === 'township')) {
    const known = township.lat !== null && township.lon !== null
    const position = known
      ? { lat: township.lat ?? 0, lon: township.lon ?? 0 }
      : generatePosition(township.code, null, 0)
    townshipPositions.set(township.code, position)
    sites.push(
      site('township', `${township.name}乡镇物流站`, township.code, position, true, '08:00-18:00'),
    )
  }
  for (const village of divisions.filter((d) => d.level === 'village')) {
    const known = village.lat !== null && village.lon !== null
    const position = known
      ? { lat: village.lat ?? 0, lon: village.lon ?? 0 }
      : generatePosition(
          village.code,
          townshipPositions.get(village.parent_code ?? '') ?? null,
          0.06,
        )
    const hours = seededRandom(village.code)() < 0.3 ? '09:00-18:00' : '08:00-19:00'
    sites.push(
      site('village', `${village.short_name}村级服务站`, village.code, position, true, hours),
    )
  }
  for (let i = 0; i < sites.length; i += 100)
    await db
      .insertInto('logistics_site')
      .values(sites.slice(i, i + 100))
      .execute()
  return sites.length
}

/** A small mixed fleet at the county hub; the demo driver drives the first van. */
export async function seedFleet(db: Db): Promise<number> {
  const hub = await db
    .selectFrom('logistics_site')
    .select('id')
    .where('kind', '=', 'hub')
    .executeTakeFirst()
  if (!hub) return 0
  const driver = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'driver')
    .executeTakeFirst()
  const now = nowIso()
  const fleet: [
    plate: string,
    name: string,
    kg: number,
    m3: number,
    fixedFen: number,
    perKmFen: number,
  ][] = [
    ['晋H5T001', '依维柯厢式货车 1 号', 1500, 8, 12000, 160],
    ['晋H5T002', '依维柯厢式货车 2 号', 1500, 8, 12000, 160],
    ['晋H5T003', '依维柯厢式货车 3 号', 1500, 8, 12000, 160],
    ['晋H5T004', '江铃轻卡', 3000, 15, 18000, 220],
    ['晋H5T005', '五菱面包车 1 号', 600, 3, 6000, 90],
    ['晋H5T006', '五菱面包车 2 号', 600, 3, 6000, 90],
  ]
  const rows: VehicleTable[] = fleet.map(([plate, name, kg, m3, fixedFen, perKmFen], i) => ({
    id: newId(),
    plate,
    name,
    capacity_kg: kg,
    capacity_m3: m3,
    shift_start: '07:00',
    shift_end: '19:00',
    max_duration_s: null,
    home_site_id: hub.id,
    fixed_cost_fen: fixedFen,
    cost_per_km_fen: perKmFen,
    cost_per_hour_fen: 3000,
    driver_user_id: i === 0 ? (driver?.id ?? null) : null,
    active: 1,
    created_at: now,
    updated_at: now,
  }))
  await db.insertInto('vehicle').values(rows).execute()
  return rows.length
}
