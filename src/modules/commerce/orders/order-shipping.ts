import type { Db } from '../../../db/database.js'
import { isInScope, OutOfScopeError } from '../../../platform/access/index.js'
import { userContactsOf } from '../../../platform/accounts/index.js'
import { findDivisionPaths } from '../../../platform/geography/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { AppError, conflict } from '../../../shared/errors.js'
import {
  announceHubParcel,
  handOverAtStation,
  recordCarrierShipment,
  villageStationOf,
  type ScanListener,
} from '../../logistics/index.js'
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
//
// An address outside the county (issue 15, SVC-1) is not announced to the hub: the merchant or
// the operator hands the parcel to an alliance carrier and enters the carrier and its waybill
// (shipThroughCarrier); our parcel record carries that waybill, so /track finds it, and the order
// is shipped.

type ShippableOrder = Pick<
  ShopOrderTable,
  'id' | 'order_no' | 'user_id' | 'delivery' | 'address_json' | 'pickup_location_id'
>

interface DeliveryAddress {
  recipientName: string
  phone: string
  divisionCode: string
  detail: string
  /** Absent on orders placed before issue 15: they were all inside the county. */
  insideCounty?: boolean
  /** 省 市 县 (街道), outside the county. */
  region?: string
}

const addressOf = (order: Pick<ShopOrderTable, 'address_json'>): DeliveryAddress =>
  JSON.parse(order.address_json ?? '{}') as DeliveryAddress

/** Ships to an address outside the county: through an alliance carrier, not the county network. */
export const shipsOutsideCounty = (
  order: Pick<ShopOrderTable, 'delivery' | 'address_json'>,
): boolean => order.delivery === 'home' && addressOf(order).insideCounty === false

/** Announces a paid home-delivery or station-pickup order to the hub; other orders need none. */
export async function announceOrderParcel(db: Db, order: ShippableOrder): Promise<void> {
  if (order.delivery !== 'home' && order.delivery !== 'station_pickup') return
  if (shipsOutsideCounty(order)) return
  const destination =
    order.delivery === 'home'
      ? await homeDestination(db, order)
      : await stationDestination(db, order)
  const measure = await measureOf(db, order.id)
  const parcelId = await announceHubParcel(db, {
    waybillNo: order.order_no,
    recipientName: destination.recipientName,
    recipientPhone: destination.phone,
    addressText: destination.addressText,
    destinationSiteId: destination.siteId,
    ...measure,
  })
  // A county without a hub yet ships by hand: the order stays paid for the warehouse to handle.
  if (parcelId === null) return
  await db
    .updateTable('shop_order')
    .set({ parcel_id: parcelId })
    .where('id', '=', order.id)
    .execute()
}

/**
 * The merchant (or the operator) handed a paid order for an address outside the county to an
 * alliance carrier: records the parcel under the carrier's waybill and ships the order.
 */
export async function shipThroughCarrier(
  db: Db,
  actor: Actor,
  orderId: string,
  body: { carrierId: string; carrierWaybillNo: string },
): Promise<void> {
  const order = await db
    .selectFrom('shop_order')
    .innerJoin('shop', 'shop.id', 'shop_order.shop_id')
    .selectAll('shop_order')
    .select('shop.organization_id as shop_org')
    .where('shop_order.id', '=', orderId)
    .executeTakeFirst()
  if (!order || !isInScope(actor.scope, order.shop_org))
    throw new OutOfScopeError(
      { en: 'order', zh: '订单' },
      'order',
      orderId,
      order?.shop_org ?? null,
    )
  if (!shipsOutsideCounty(order))
    throw conflict({
      en: 'this order is delivered by the county network: the hub scans it',
      zh: '该订单由县域物流配送，无需填写快递单号',
    })
  if (order.status !== 'paid' || order.parcel_id !== null)
    throw conflict({
      en: `an order that is ${order.status} cannot be shipped`,
      zh: '只有已付款、未发货的订单可以发货',
    })
  const address = addressOf(order)
  const parcelId = await recordCarrierShipment(db, actor, {
    carrierId: body.carrierId,
    waybillNo: body.carrierWaybillNo,
    recipientName: address.recipientName,
    recipientPhone: address.phone,
    addressText: `${(address.region ?? '').replaceAll(' ', '')}${address.detail}`,
    ...(await measureOf(db, order.id)),
  })
  await db
    .updateTable('shop_order')
    .set({ parcel_id: parcelId })
    .where('id', '=', order.id)
    .execute()
  await transitionOrder(db, actor, order, 'paid', 'shipped', {
    note: `handed to carrier, waybill ${body.carrierWaybillNo.trim().toUpperCase()}`,
    organizationId: order.shop_org,
  })
}

async function measureOf(db: Db, orderId: string): Promise<{ weightG: number; volumeCm3: number }> {
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
    .where('order_line.order_id', '=', orderId)
    .executeTakeFirstOrThrow()
  return { weightG: Number(measure.weightG ?? 0), volumeCm3: Number(measure.volumeCm3 ?? 0) }
}

async function homeDestination(db: Db, order: ShippableOrder) {
  const address = addressOf(order)
  const region = (await findDivisionPaths(db, [address.divisionCode])).get(address.divisionCode)
  // A village's own station delivers to the door; a township-only address waits at the hub
  // for a clerk to choose the station (as any unmatched parcel does).
  return {
    recipientName: address.recipientName,
    phone: address.phone,
    addressText: `${(region ?? []).join('')}${address.detail}`,
    siteId: await villageStationOf(db, address.divisionCode),
  }
}

async function stationDestination(db: Db, order: ShippableOrder) {
  const [station, buyers] = await Promise.all([
    db
      .selectFrom('stock_location')
      .select(['site_id', 'name'])
      .where('id', '=', order.pickup_location_id ?? '')
      .executeTakeFirstOrThrow(),
    userContactsOf(db, [order.user_id ?? '']),
  ])
  const buyer = buyers.get(order.user_id ?? '')
  if (!buyer) throw new Error(`order ${order.id} has no buyer`)
  return {
    recipientName: buyer.displayName,
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
  // The code already proved who collects it.
  if (order.parcel_id !== null) await handOverAtStation(db, actor, order.parcel_id, '凭取货码取件')
}
