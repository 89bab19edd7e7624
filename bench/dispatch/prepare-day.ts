import { createDb } from '../../src/db/create-db.js'
import type { Db } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { seedDemoData } from '../../src/demo/seed.js'
import type { Actor } from '../../src/platform/http/index.js'
import { newId } from '../../src/shared/ids.js'

// The day bench:dispatch plans: the demo county's stations (and copies beside them for larger
// days), parcels spread over them, and a mixed fleet at the hub.

export const system: Actor = {
  principal: null,
  scope: { county: true, organizationIds: new Set() },
  requestId: 'bench',
  ip: '127.0.0.1',
  claimed: { userId: null, name: 'bench' },
  auditedEntries: 0,
}

/** A demo county with `stations` village stations loaded with `parcels` parcels and a mixed fleet. */
export async function prepareDay(stations: number, parcels: number, vehicles: number): Promise<Db> {
  const { db } = createDb('sqlite::memory:')
  await migrateToLatest(db)
  await seedDemoData(db)
  const villages = await db
    .selectFrom('logistics_site')
    .selectAll()
    .where('kind', '=', 'village')
    .execute()
  const now = new Date().toISOString()
  // Wutai has 284 village stations; larger days add stations beside them.
  for (let i = villages.length; i < stations; i++) {
    const base = villages[i % villages.length]
    if (!base) break
    const extra = {
      ...base,
      id: newId(),
      name: `${base.name}·${i}`,
      lat: (base.lat ?? 0) + 0.004,
      lon: (base.lon ?? 0) + 0.004,
    }
    await db.insertInto('logistics_site').values(extra).execute()
    villages.push(extra)
  }
  const used = villages.slice(0, stations)
  const carriers = await db
    .selectFrom('organization')
    .select('id')
    .where('type', '=', 'carrier')
    .execute()
  const rows = Array.from({ length: parcels }, (_, i) => ({
    id: newId(),
    carrier_id: carriers[i % carriers.length]?.id ?? '',
    waybill_no: `BENCH${String(i).padStart(9, '0')}`,
    recipient_name: '收件人',
    recipient_phone: '13900000000',
    address_text: '五台县',
    destination_site_id: used[i % used.length]?.id ?? null,
    weight_g: 300 + ((i * 7919) % 4000),
    volume_cm3: 2000 + ((i * 104729) % 8000),
    cod_fen: 0,
    status: 'sorted' as const,
    received_at: now,
    due_at: now,
    arrived_at: null,
    import_id: null,
    created_at: now,
    updated_at: now,
  }))
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('parcel')
      .values(rows.slice(i, i + 500))
      .execute()
  const hub = await db
    .selectFrom('logistics_site')
    .select('id')
    .where('kind', '=', 'hub')
    .executeTakeFirstOrThrow()
  await db.deleteFrom('vehicle').execute()
  const fleet = Array.from({ length: vehicles }, (_, i) => {
    const big = i % 3 === 0
    return {
      id: newId(),
      plate: `晋H9${String(i).padStart(4, '0')}`,
      name: big ? '轻卡' : '厢式货车',
      capacity_kg: big ? 4000 : 2000,
      capacity_m3: big ? 20 : 10,
      shift_start: '06:00',
      shift_end: '20:00',
      max_duration_s: null,
      home_site_id: hub.id,
      fixed_cost_fen: big ? 18000 : 12000,
      cost_per_km_fen: big ? 220 : 160,
      cost_per_hour_fen: 3000,
      driver_user_id: null,
      active: 1,
      created_at: now,
      updated_at: now,
    }
  })
  await db.insertInto('vehicle').values(fleet).execute()
  return db
}
