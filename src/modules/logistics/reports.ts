import { shanghaiDate, shanghaiDayStartMs } from '../../shared/clock.js'
import type { Db } from '../../db/database.js'
import type { Scope } from '../../platform/access/index.js'
import { organizationNamesOf } from '../../platform/accounts/index.js'
import { findDivisionNames } from '../../platform/geography/index.js'
import { parcelsInScope } from './parcel-views.js'
import type { FlowReportQuery, FlowRow } from './schema.js'

// LOG-7 送收发报表: parcels received at the hub, dispatched (vehicle departed), delivered to the
// station and picked up by the villager, counted from scans — by day, carrier, township or station.
// A carrier counts its own parcels, a village station those bound for it.

const COUNTED = ['received', 'departed', 'arrived', 'picked_up'] as const
type Counted = (typeof COUNTED)[number]
const COLUMN: Record<Counted, keyof Omit<FlowRow, 'key' | 'label'>> = {
  received: 'received',
  departed: 'dispatched',
  arrived: 'delivered',
  picked_up: 'pickedUp',
}

export async function flowReport(db: Db, query: FlowReportQuery, scope: Scope): Promise<FlowRow[]> {
  const fromMs = shanghaiDayStartMs(query.from)
  const toMs = shanghaiDayStartMs(query.to) + 86_400_000
  let events = db
    .selectFrom('scan_event')
    .innerJoin('parcel', 'parcel.id', 'scan_event.parcel_id')
    .leftJoin('logistics_site as site', 'site.id', 'parcel.destination_site_id')
    .where('scan_event.type', 'in', [...COUNTED])
    .where('scan_event.at', '>=', new Date(fromMs).toISOString())
    .where('scan_event.at', '<', new Date(toMs).toISOString())
  const inScope = parcelsInScope(scope)
  if (inScope) events = events.where(inScope)
  if (query.carrierId) events = events.where('parcel.carrier_id', '=', query.carrierId)

  const rows = new Map<string, FlowRow>()
  const add = (key: string, label: string, type: Counted, count: number) => {
    const row = rows.get(key) ?? {
      key,
      label,
      received: 0,
      dispatched: 0,
      delivered: 0,
      pickedUp: 0,
    }
    row[COLUMN[type]] += count
    rows.set(key, row)
  }

  if (query.groupBy === 'day') {
    // Days are Shanghai days; the scan times are UTC text, so bucket after reading.
    for (let day = fromMs; day < toMs; day += 86_400_000)
      add(shanghaiDate(day), shanghaiDate(day), 'received', 0)
    const scans = await events.select(['scan_event.type as type', 'scan_event.at as at']).execute()
    for (const scan of scans)
      add(shanghaiDate(scan.at), shanghaiDate(scan.at), scan.type as Counted, 1)
  } else if (query.groupBy === 'carrier') {
    const grouped = await events
      .select((eb) => [
        'parcel.carrier_id as key',
        'scan_event.type as type',
        eb.fn.countAll<number>().as('count'),
      ])
      .groupBy(['parcel.carrier_id', 'scan_event.type'])
      .execute()
    const names = await organizationNamesOf(
      db,
      grouped.map((g) => g.key),
    )
    for (const g of grouped) {
      const label = names.get(g.key)
      if (label !== undefined) add(g.key, label, g.type as Counted, g.count)
    }
  } else {
    const grouped = await events
      .select((eb) => [
        'site.id as key',
        'site.name as label',
        'site.division_code as divisionCode',
        'scan_event.type as type',
        eb.fn.countAll<number>().as('count'),
      ])
      .groupBy(['site.id', 'site.name', 'site.division_code', 'scan_event.type'])
      .execute()
    // A village's township is the first nine digits of its code.
    const townships =
      query.groupBy === 'township'
        ? await findDivisionNames(
            db,
            grouped.map((g) => g.divisionCode?.slice(0, 9) ?? null),
          )
        : new Map<string, string>()
    for (const g of grouped) {
      const townshipCode = g.divisionCode?.slice(0, 9) ?? null
      if (query.groupBy === 'township')
        add(
          townshipCode ?? 'unmatched',
          townshipCode ? (townships.get(townshipCode) ?? townshipCode) : '未匹配',
          g.type as Counted,
          g.count,
        )
      else add(g.key ?? 'unmatched', g.label ?? '未匹配', g.type as Counted, g.count)
    }
  }
  return [...rows.values()].sort((a, b) =>
    query.groupBy === 'day'
      ? a.key.localeCompare(b.key)
      : b.received - a.received || a.label.localeCompare(b.label),
  )
}
