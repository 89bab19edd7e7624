import type { Db } from '../../../db/database.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { AppError, invalidField } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { findPlaces } from '../../../platform/geography/index.js'
import { outsideDeliveryFeeFen } from './outside-delivery.js'
import { newOrderNumber } from './order-numbers.js'
import type { DeliveryKind, PromotionKind } from './order-tables.js'
import type { StockLocationTable } from '../stock/index.js'

// What a checkout reads and decides before it writes anything (issue 14): the basket checked and
// priced, the location the goods come from, the address, the orders split by shop. All of it is
// read outside the checkout's transaction, in one query per table, so the transaction holds
// only the writes; the conditional stock update inside it still decides whether the units are
// there.

export const PAYMENT_WINDOW_S = 15 * 60
/**
 * Home delivery in the county costs ¥5.00 under ¥99.00 of goods per order; pickups are free;
 * outside the county, the fee of the address's province (outside_delivery_fee) per order.
 */
const HOME_DELIVERY_FEN = 500
const FREE_HOME_DELIVERY_FROM_FEN = 9900

export interface CheckoutInput {
  items: { skuId: string; quantity: number }[]
  delivery: Exclude<DeliveryKind, 'counter'>
  addressId?: string
  pickupLocationId?: string
  note?: string
  /** The items came from the cart: take them out of it. */
  fromCart?: boolean
  /**
   * Placed through a promotion (SVC-3): one item at the promotion's price, with its payment
   * window; set by the promotion module, never taken from the buyer's request.
   */
  promotion?: CheckoutPromotion
}

export interface CheckoutPromotion {
  kind: PromotionKind
  /** The team, hold, bargain or campaign the order belongs to. */
  id: string
  unitPriceFen: number
  paymentWindowS?: number
  /** The share link the buyer came through (MKT-2), stored on the order for the promotions. */
  shareCode?: string | null
}

export interface PricedLine {
  index: number
  skuId: string
  productId: string
  shopId: string
  shopName: string
  title: string
  spec: string
  localKind: 'fresh' | 'specialty' | null
  unitPriceFen: number
  quantity: number
  lineFen: number
}

export interface PlannedOrder {
  id: string
  orderNo: string
  shopId: string
  shopLines: PricedLine[]
  itemsFen: number
  deliveryFen: number
}

export interface CheckoutPlan {
  input: CheckoutInput
  userId: string
  /** Where the goods come from: the pickup store, or the county warehouse. */
  location: StockLocationTable
  /** Where the buyer collects them (a store or a station); null for home delivery. */
  pickupPoint: StockLocationTable | null
  addressJson: string | null
  lines: PricedLine[]
  orders: PlannedOrder[]
  amountFen: number
  paymentId: string
  now: string
  expiresAt: string
}

/** Checks and prices a basket; throws the field at fault, and writes nothing. */
export async function planCheckout(
  db: Db,
  userId: string,
  input: CheckoutInput,
): Promise<CheckoutPlan> {
  if (input.items.length === 0)
    throw invalidField('items', { en: 'the basket is empty', zh: '购物车是空的' })
  // Read side by side (PostgreSQL answers them at once), but a bad basket is refused for the
  // same field whichever answer comes first.
  const [located, address, priced] = await Promise.allSettled([
    locationsOf(db, input),
    deliveryAddress(db, userId, input),
    priceLines(db, input.items),
  ])
  const { location, pickupPoint } = valueOf(located)
  const addressJson = valueOf(address)?.json ?? null
  const outsideFeeFen = valueOf(address)?.outsideFeeFen ?? null
  const lines = promotionalPrice(valueOf(priced), input.promotion)

  const now = nowIso()
  const byShop = new Map<string, PricedLine[]>()
  for (const line of lines) byShop.set(line.shopId, [...(byShop.get(line.shopId) ?? []), line])
  const orders = [...byShop].map(([shopId, shopLines]) => {
    const itemsFen = shopLines.reduce((sum, line) => sum + line.lineFen, 0)
    const deliveryFen =
      outsideFeeFen !== null
        ? outsideFeeFen
        : input.delivery === 'home' && itemsFen < FREE_HOME_DELIVERY_FROM_FEN
          ? HOME_DELIVERY_FEN
          : 0
    return { id: newId(), orderNo: newOrderNumber(now), shopId, shopLines, itemsFen, deliveryFen }
  })
  return {
    input,
    userId,
    location,
    pickupPoint,
    addressJson,
    lines,
    orders,
    amountFen: orders.reduce((sum, o) => sum + o.itemsFen + o.deliveryFen, 0),
    paymentId: newId(),
    now,
    expiresAt: addSeconds(now, input.promotion?.paymentWindowS ?? PAYMENT_WINDOW_S),
  }
}

function valueOf<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason as Error
  return result.value
}

function promotionalPrice(
  lines: PricedLine[],
  promotion: CheckoutPromotion | undefined,
): PricedLine[] {
  if (!promotion) return lines
  const [line] = lines
  if (!line || lines.length !== 1)
    throw invalidField('items', { en: 'one item per promotion order', zh: '活动订单仅限一种商品' })
  const unitPriceFen = promotion.unitPriceFen
  return [{ ...line, unitPriceFen, lineFen: unitPriceFen * line.quantity }]
}

/** Today's prices from the catalog, for SKUs on sale in approved shops only. */
async function priceLines(db: Db, items: CheckoutInput['items']): Promise<PricedLine[]> {
  const rows = await db
    .selectFrom('sku')
    .innerJoin('product', 'product.id', 'sku.product_id')
    .innerJoin('shop', 'shop.id', 'product.shop_id')
    .select([
      'sku.id',
      'sku.spec',
      'sku.price_fen',
      'sku.active',
      'product.id as product_id',
      'product.title',
      'product.status as product_status',
      'product.local_kind',
      'shop.id as shop_id',
      'shop.name as shop_name',
      'shop.status as shop_status',
    ])
    .where('sku.id', 'in', [...items.map((item) => item.skuId), ''])
    .execute()
  const byId = new Map(rows.map((row) => [row.id, row]))
  const seen = new Set<string>()
  return items.map((item, index) => {
    const row = byId.get(item.skuId)
    if (seen.has(item.skuId))
      throw invalidField(`items/${index}/skuId`, { en: 'listed twice', zh: '商品重复' })
    seen.add(item.skuId)
    if (
      !row ||
      row.active !== 1 ||
      row.product_status !== 'on_sale' ||
      row.shop_status !== 'approved'
    ) {
      throw invalidField(`items/${index}/skuId`, {
        en: 'this item is not on sale',
        zh: '该商品已下架或不存在',
      })
    }
    return {
      index,
      skuId: row.id,
      productId: row.product_id,
      shopId: row.shop_id,
      shopName: row.shop_name,
      title: row.title,
      spec: row.spec,
      localKind: row.local_kind,
      unitPriceFen: row.price_fen,
      quantity: item.quantity,
      lineFen: row.price_fen * item.quantity,
    }
  })
}

/**
 * The pickup point the buyer chose and the location the goods come from — the pickup store
 * itself, or the county warehouse for home delivery and stations — in one query.
 */
async function locationsOf(
  db: Db,
  input: CheckoutInput,
): Promise<{ location: StockLocationTable; pickupPoint: StockLocationTable | null }> {
  const pickupId = input.delivery === 'home' ? undefined : input.pickupLocationId
  if (input.delivery !== 'home' && pickupId === undefined)
    throw invalidField('pickupLocationId', { en: 'choose where to pick up', zh: '请选择自提点' })
  const wanted = input.delivery === 'store_pickup' ? 'store' : 'station'
  const rows = await db
    .selectFrom('stock_location')
    .selectAll()
    .where('active', '=', 1)
    .where((eb) =>
      eb.or([
        eb('kind', '=', 'warehouse'),
        eb.and([eb('id', '=', pickupId ?? ''), eb('kind', '=', wanted)]),
      ]),
    )
    .orderBy('created_at')
    .execute()
  const pickupPoint = pickupId === undefined ? null : rows.find((row) => row.id === pickupId)
  if (pickupPoint === undefined)
    throw invalidField('pickupLocationId', {
      en: `no open ${wanted} has this id`,
      zh: wanted === 'store' ? '体验店不存在或已停业' : '服务站不存在或已停用',
    })
  if (input.delivery === 'store_pickup' && pickupPoint)
    return { location: pickupPoint, pickupPoint }
  const warehouse = rows.find((row) => row.kind === 'warehouse')
  if (!warehouse)
    throw new AppError('conflict', {
      en: 'the county warehouse is not set up yet',
      zh: '县级仓库尚未设置',
    })
  return { location: warehouse, pickupPoint }
}

async function deliveryAddress(
  db: Db,
  userId: string,
  input: CheckoutInput,
): Promise<{ json: string; outsideFeeFen: number | null } | null> {
  if (input.delivery !== 'home') return null
  if (input.addressId === undefined)
    throw invalidField('addressId', { en: 'choose a delivery address', zh: '请选择收货地址' })
  const address = await db
    .selectFrom('customer_address')
    .select(['recipient_name', 'phone', 'division_code', 'detail'])
    .where('id', '=', input.addressId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!address) throw invalidField('addressId', { en: 'no such address', zh: '收货地址不存在' })
  const place = (await findPlaces(db, [address.division_code])).get(address.division_code)
  const insideCounty = place?.insideCounty ?? true
  return {
    json: JSON.stringify({
      recipientName: address.recipient_name,
      phone: address.phone,
      divisionCode: address.division_code,
      detail: address.detail,
      insideCounty,
      region: (place?.path ?? []).join(' '),
    }),
    outsideFeeFen: insideCounty
      ? null
      : await outsideDeliveryFeeFen(db, place?.provinceCode ?? '00'),
  }
}
