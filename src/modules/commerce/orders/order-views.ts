import { shipsOutsideCounty } from './order-shipping.js'
import type { Db } from '../../../db/database.js'
import { parcelProgressOf, type ParcelProgress } from '../../logistics/index.js'
import type { Order, PaymentInfo, PickupPoint } from './order-schema.js'
import type { PaymentTable } from '../payments/index.js'
import type { OrderEventTable, OrderLineTable, ShopOrderTable } from './order-tables.js'
import type { StockLocationTable } from '../stock/index.js'

// Orders as the API shows them, read in a few queries for a whole page of orders.

export const toPickupPoint = (row: StockLocationTable): PickupPoint => ({
  id: row.id,
  kind: row.kind,
  organizationId: row.organization_id,
  name: row.name,
  address: row.address,
  openingHours: row.opening_hours,
})

export const toPaymentInfo = (row: PaymentTable): PaymentInfo => ({
  id: row.id,
  outTradeNo: row.out_trade_no,
  provider: row.provider,
  amountFen: row.amount_fen,
  status: row.status,
  expiresAt: row.expires_at,
  paidAt: row.paid_at,
})

/** What an order view needs besides its row, read for a whole page of orders at once. */
export interface OrderRelations {
  shopNames: ReadonlyMap<string, string>
  locations: ReadonlyMap<string, StockLocationTable>
  /** Sorted by id. */
  lines: readonly OrderLineTable[]
  events: readonly Pick<OrderEventTable, 'order_id' | 'to_status' | 'at' | 'note'>[]
  parcels: ReadonlyMap<string, ParcelProgress>
}

export async function toOrders(
  db: Db,
  rows: readonly ShopOrderTable[],
  options: { showPickupCode: boolean },
): Promise<Order[]> {
  const ids = [...rows.map((r) => r.id), '']
  const [shops, locations, lines, events, parcels] = await Promise.all([
    db
      .selectFrom('shop')
      .select(['id', 'name'])
      .where('id', 'in', [...rows.map((r) => r.shop_id), ''])
      .execute(),
    db
      .selectFrom('stock_location')
      .selectAll()
      .where('id', 'in', [...rows.map((r) => r.pickup_location_id ?? ''), ''])
      .execute(),
    db.selectFrom('order_line').selectAll().where('order_id', 'in', ids).orderBy('id').execute(),
    db
      .selectFrom('order_event')
      .select(['order_id', 'to_status', 'at', 'note'])
      .where('order_id', 'in', ids)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    parcelProgressOf(
      db,
      rows.flatMap((r) => (r.parcel_id ? [r.parcel_id] : [])),
    ),
  ])
  const relations = {
    shopNames: new Map(shops.map((s) => [s.id, s.name])),
    locations: new Map(locations.map((l) => [l.id, l])),
    lines,
    events,
    parcels,
  }
  return rows.map((row) => toOrder(row, relations, options))
}

/** One order as the API shows it; checkout builds it from the rows it has just written. */
export function toOrder(
  row: ShopOrderTable,
  relations: OrderRelations,
  options: { showPickupCode: boolean },
): Order {
  const { shopNames, locations, lines, events, parcels } = relations
  const pickup = row.pickup_location_id ? locations.get(row.pickup_location_id) : undefined
  return {
    id: row.id,
    orderNo: row.order_no,
    shopId: row.shop_id,
    shopName: shopNames.get(row.shop_id) ?? '',
    channel: row.channel,
    delivery: row.delivery,
    pickupPoint: pickup ? toPickupPoint(pickup) : null,
    status: row.status,
    itemsFen: row.items_fen,
    deliveryFen: row.delivery_fen,
    totalFen: row.total_fen,
    refundedFen: row.refunded_fen,
    pickupCode:
      options.showPickupCode && row.status === 'ready_for_pickup' ? row.pickup_code : null,
    shipment: (row.parcel_id ? parcels.get(row.parcel_id) : undefined) ?? null,
    shipsByCarrier: shipsOutsideCounty(row),
    paymentId: row.payment_id,
    paymentDeadline: row.status === 'created' ? row.payment_deadline : null,
    createdAt: row.created_at,
    paidAt: row.paid_at,
    completedAt: row.completed_at,
    cancelReason: row.cancel_reason,
    lines: lines
      .filter((l) => l.order_id === row.id)
      .map((l) => ({
        skuId: l.sku_id,
        productId: l.product_id,
        title: l.title,
        spec: l.spec,
        localKind: l.local_kind,
        unitPriceFen: l.unit_price_fen,
        quantity: l.quantity,
        lineFen: l.line_fen,
      })),
    history: events
      .filter((e) => e.order_id === row.id)
      .map((e) => ({ status: e.to_status, at: e.at, note: e.note })),
  }
}
