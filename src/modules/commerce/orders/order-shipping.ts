import type { Db } from '../../../db/database.js'
import { findDivisionPaths } from '../../../platform/geography/index.js'
import type { Actor } from '../../../platform/http/actor.js'
import { AppError } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { recordScan, type ScanListener } from '../../logistics/index.js'
import { transitionOrder } from './order-status.js'
import type { ShopOrderTable } from './order-tables.js'
import { assignPickupCode } from './pickup-codes.js'

// Home delivery and station pickup travel through the county's own logistics network (LOG-2 …
// LOG-5): when such an order is paid it is announced to the county hub as a parcel, waybill =
// order number, and the parcel's scans move the order on:
//
//   received at the hub (packed, in the network) → shipped
//   arrived at the village station → station pickup: ready_for_pickup, with a pickup code
//   picked up (or delivered) at the station     → completed
//
// The hub organization is the carrier of these parcels, so hub staff scan them like any other
// and station masters see them among their station's parcels.

type ShippableOrder = Pick<
  ShopOrderTable,
  'id' | 'order_no' | 'user_id' | 'delivery' | 'address_json' | 'pickup_location_id'
>

interface DeliveryAddress {
  recipientName: string
  phone: string
  divisionCode: string
  detail: string
}

/** Announces a paid home-delivery or station-pickup order to the hub; other orders need none. */
export async function announceOrderParcel(db: Db, order: ShippableOrder): Promise<void> {
  if (order.delivery !== 'home' && order.delivery !== 'station_pickup') return
  const hub = await db
    .selectFrom('organization')
    .select('id')
    .where('type', '=', 'hub')
    .where('status', '=', 'active')
    .orderBy('created_at')
    .executeTakeFirst()
  // A county without a hub yet ships by hand: the order stays paid for the warehouse to handle.
  if (!hub) return
  const destination =
    order.delivery === 'home'
      ? await homeDestination(db, order)
      : await stationDestination(db, order)
  const measure = await db
    .selectFrom('order_line')
    .innerJoin('sku', 'sku.id', 'order_line.sku_id')
    .select((eb) => [
      eb.fn
        .sum<number | string | null>(eb('sku.weight_g', '*', eb.ref('order_line.quantity')))
        .as('weightG'),
      eb.fn
        .sum<number | string | null>(eb('sku.volume_cm3', '*', eb.ref('order_line.quantity')))
        .as('volumeCm3'),
    ])
    .where('order_line.order_id', '=', order.id)
    .executeTakeFirstOrThrow()
  const now = new Date().toISOString()
  const parcelId = newId()
  await db
    .insertInto('parcel')
    .values({
      id: parcelId,
      carrier_id: hub.id,
      waybill_no: order.order_no,
      recipient_name: destination.recipientName,
      recipient_phone: destination.phone,
      address_text: destination.addressText,
      destination_site_id: destination.siteId,
      weight_g: Number(measure.weightG ?? 0),
      volume_cm3: Number(measure.volumeCm3 ?? 0),
      cod_fen: 0,
      status: 'announced',
      received_at: null,
      due_at: null,
      arrived_at: null,
      import_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await db
    .updateTable('shop_order')
    .set({ parcel_id: parcelId })
    .where('id', '=', order.id)
    .execute()
}

async function homeDestination(db: Db, order: ShippableOrder) {
  const address = JSON.parse(order.address_json ?? '{}') as DeliveryAddress
  const region = (await findDivisionPaths(db, [address.divisionCode])).get(address.divisionCode)
  // A village's own station delivers to the door; a township-only address waits at the hub
  // for a clerk to choose the station (as any unmatched parcel does).
  const station = await db
    .selectFrom('logistics_site')
    .select('id')
    .where('kind', '=', 'village')
    .where('division_code', '=', address.divisionCode)
    .executeTakeFirst()
  return {
    recipientName: address.recipientName,
    phone: address.phone,
    addressText: `${(region ?? []).join('')}${address.detail}`,
    siteId: station?.id ?? null,
  }
}

async function stationDestination(db: Db, order: ShippableOrder) {
  const [station, buyer] = await Promise.all([
    db
      .selectFrom('stock_location')
      .leftJoin('logistics_site as site', 'site.id', 'stock_location.site_id')
      .select(['stock_location.site_id', 'stock_location.name', 'site.address'])
      .where('stock_location.id', '=', order.pickup_location_id ?? '')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('app_user')
      .select(['display_name', 'phone'])
      .where('id', '=', order.user_id ?? '')
      .executeTakeFirstOrThrow(),
  ])
  return {
    recipientName: buyer.display_name,
    phone: buyer.phone ?? '',
    addressText: `${station.name}（自提）`,
    siteId: station.site_id,
  }
}

/** Moves the shop's order along with its parcel; told of every scan by the logistics routes. */
export const moveOrderWithParcel: ScanListener = async (db, actor, scan) => {
  const order = await db
    .selectFrom('shop_order')
    .selectAll()
    .where('parcel_id', '=', scan.parcelId)
    .executeTakeFirst()
  if (!order) return
  if (order.status === 'refunding' || order.status === 'refunded' || order.status === 'cancelled')
    throw new AppError(
      'conflict',
      {
        en: `order ${order.order_no} was cancelled and refunded: return the goods to the warehouse instead`,
        zh: `订单 ${order.order_no} 已退款，请勿发出，退回仓库`,
      },
      [{ field: 'waybillNo', message: { en: 'order refunded', zh: '订单已退款' } }],
    )
  const step = nextStep(order, scan.type)
  if (!step) return
  if (step.to === 'ready_for_pickup') await assignPickupCode(db, order)
  await transitionOrder(db, actor, order, step.from, step.to, {
    note: step.note,
    set:
      step.to === 'ready_for_pickup'
        ? { ready_at: scan.at }
        : step.to === 'completed'
          ? { completed_at: scan.at }
          : {},
  })
}

function nextStep(order: ShopOrderTable, scan: Parameters<ScanListener>[2]['type']) {
  if (scan === 'received' && order.status === 'paid')
    return { from: 'paid', to: 'shipped', note: 'received at the county hub' } as const
  if (scan === 'arrived' && order.delivery === 'station_pickup' && order.status === 'shipped')
    return { from: 'shipped', to: 'ready_for_pickup', note: 'arrived at the station' } as const
  if (scan === 'picked_up' && order.status === 'shipped')
    return { from: 'shipped', to: 'completed', note: 'delivered' } as const
  if (scan === 'picked_up' && order.status === 'ready_for_pickup')
    return { from: 'ready_for_pickup', to: 'completed', note: 'picked up' } as const
  return null
}

/** Handing a station-pickup order over by its code is also the parcel's pickup scan. */
export async function handParcelOver(
  db: Db,
  actor: Actor,
  order: Pick<ShopOrderTable, 'parcel_id'>,
): Promise<void> {
  if (order.parcel_id === null) return
  const parcel = await db
    .selectFrom('parcel')
    .select(['waybill_no', 'carrier_id', 'recipient_phone', 'status'])
    .where('id', '=', order.parcel_id)
    .executeTakeFirstOrThrow()
  if (parcel.status !== 'at_station') return
  // The code already proved who collects it; the phone tail is the parcel's own.
  await recordScan(db, actor, {
    waybillNo: parcel.waybill_no,
    carrierId: parcel.carrier_id,
    type: 'picked_up',
    phoneTail: parcel.recipient_phone.slice(-4),
    note: '凭取货码取件',
  })
}
