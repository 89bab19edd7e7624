import type { Db } from '../db/database.js'
import { addSeconds, shanghaiDate, shanghaiDayStartMs } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import { seededRandom } from '../shared/seeded-random.js'

// Two weeks of parcels for the demo, so the 72-hour dashboard, reports and statements have
// something to show: most parcels arrive in time, a few late, a few are stuck at the hub.
// Only steps that would have happened before `now` are written.

const H = 3600
const STEP_STATUS = {
  received: 'received',
  sorted: 'sorted',
  loaded: 'loaded',
  departed: 'in_transit',
  arrived: 'at_station',
  picked_up: 'picked_up',
} as const
type Step = keyof typeof STEP_STATUS

const PREFIXES: [keyword: string, prefix: string][] = [
  ['邮政', 'YZ'],
  ['中通', 'ZT'],
  ['圆通', 'YT'],
  ['申通', 'ST'],
  ['韵达', 'YD'],
  ['极兔', 'JT'],
  ['顺丰', 'SF'],
]
/** Demo waybill numbers start the way each carrier's do. */
const waybillPrefix = (carrierName: string): string =>
  PREFIXES.find(([keyword]) => carrierName.includes(keyword))?.[1] ?? 'WB'

export async function seedParcelHistory(
  db: Db,
  now: Date,
  { days = 14, perDay = 120 } = {},
): Promise<number> {
  const random = seededRandom('wutai-parcel-history')
  const carriers = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('type', '=', 'carrier')
    .orderBy('name')
    .execute()
  const villages = await db
    .selectFrom('logistics_site')
    .select('id')
    .where('kind', '=', 'village')
    .orderBy('division_code')
    .execute()
  const hub = await db
    .selectFrom('logistics_site')
    .select('id')
    .where('kind', '=', 'hub')
    .executeTakeFirst()
  if (carriers.length === 0 || villages.length === 0 || !hub) return 0
  const nowIso = now.toISOString()
  const parcels = []
  const events = []
  let serial = 0
  for (let day = days - 1; day >= 0; day--) {
    const dayStart = shanghaiDayStartMs(shanghaiDate(now.getTime() - day * 86_400_000))
    for (let i = 0; i < perDay; i++) {
      serial += 1
      const carrier = carriers[serial % carriers.length] ?? carriers[0]
      const site = villages[Math.floor(random() * villages.length)] ?? villages[0]
      if (!carrier || !site) continue
      const received = new Date(dayStart + (8 + random() * 10) * H * 1000).toISOString()
      if (received > nowIso) continue
      const fate = random()
      // 88% on time, 8% late, 4% stuck after sorting (overdue once 72 h pass).
      const travelH = fate < 0.88 ? 18 + random() * 40 : fate < 0.96 ? 74 + random() * 20 : null
      const timeline: [Step, string][] = [
        ['received', received],
        ['sorted', addSeconds(received, H)],
      ]
      if (travelH !== null) {
        const arrived = addSeconds(received, travelH * H)
        timeline.push(
          ['loaded', addSeconds(arrived, -3 * H)],
          ['departed', addSeconds(arrived, -2.5 * H)],
          ['arrived', arrived],
        )
        if (random() < 0.85)
          timeline.push(['picked_up', addSeconds(arrived, (2 + random() * 30) * H)])
      }
      const happened = timeline.filter(([, at]) => at <= nowIso)
      const [lastStep] = happened.at(-1) ?? ['received']
      const id = newId(Date.parse(received))
      const arrivedAt = happened.find(([step]) => step === 'arrived')?.[1] ?? null
      parcels.push({
        id,
        carrier_id: carrier.id,
        waybill_no: `${waybillPrefix(carrier.name)}${String(90_000_000 + serial)}`,
        recipient_name: `村民${serial}`,
        recipient_phone: `139${String(10_000_000 + serial).slice(-8)}`,
        address_text: '五台县（演示数据）',
        destination_site_id: site.id,
        weight_g: Math.round(300 + random() * 6000),
        volume_cm3: Math.round(1000 + random() * 20000),
        cod_fen: random() < 0.1 ? Math.round(random() * 20000) : 0,
        status: STEP_STATUS[lastStep],
        received_at: received,
        due_at: addSeconds(received, 72 * H),
        arrived_at: arrivedAt,
        import_id: null,
        created_at: addSeconds(received, -2 * H),
        updated_at: happened.at(-1)?.[1] ?? received,
      })
      for (const [step, at] of happened) {
        const atStation = step === 'arrived' || step === 'picked_up'
        events.push({
          id: newId(Date.parse(at)),
          parcel_id: id,
          type: step,
          site_id: atStation ? site.id : hub.id,
          at,
          actor_user_id: null,
          actor_name: atStation ? '站长（演示）' : '物流中心（演示）',
          note: null,
        })
      }
    }
  }
  for (let i = 0; i < parcels.length; i += 200)
    await db
      .insertInto('parcel')
      .values(parcels.slice(i, i + 200))
      .execute()
  for (let i = 0; i < events.length; i += 200)
    await db
      .insertInto('scan_event')
      .values(events.slice(i, i + 200))
      .execute()
  return parcels.length
}
