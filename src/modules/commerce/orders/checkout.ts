import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { AppError, invalidField } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { newOrderNumber } from './order-numbers.js'
import type { DeliveryKind, PromotionKind } from './order-tables.js'
import type { StockLocationTable } from '../stock/index.js'
import { reserveStock } from '../stock/index.js'
import { applyPaymentEvent } from '../payments/index.js'
import { orderPaymentListener } from './order-payments.js'
import type { PromotionHookRegistry } from './promotion-hooks.js'

// Checkout: one payment for everything in the basket, one order per shop (an order is split by
// merchant; all orders of a checkout ship from one location: the pickup store, or the county
// warehouse). Stock is reserved in the same transaction; anything short rolls the whole
// checkout back.

export const PAYMENT_WINDOW_S = 15 * 60
/** Home delivery costs ¥5.00 under ¥99.00 of goods per order; pickups are free. */
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

export interface CheckoutResult {
  paymentId: string
  outTradeNo: string
  amountFen: number
  expiresAt: string
  orderIds: string[]
}

export async function checkout(
  db: Db,
  actor: Actor,
  userId: string,
  provider: string,
  input: CheckoutInput,
): Promise<CheckoutResult> {
  if (input.items.length === 0)
    throw invalidField('items', { en: 'the basket is empty', zh: '购物车是空的' })
  const location = await sourceLocation(db, input)
  const addressJson = await deliveryAddress(db, userId, input)
  const lines = promotionalPrice(await priceLines(db, input.items), input.promotion)

  const now = nowIso()
  const expiresAt = addSeconds(now, input.promotion?.paymentWindowS ?? PAYMENT_WINDOW_S)
  const paymentId = newId()
  const byShop = new Map<string, PricedLine[]>()
  for (const line of lines) byShop.set(line.shopId, [...(byShop.get(line.shopId) ?? []), line])
  const orders = [...byShop].map(([shopId, shopLines]) => {
    const itemsFen = shopLines.reduce((sum, line) => sum + line.lineFen, 0)
    const deliveryFen =
      input.delivery === 'home' && itemsFen < FREE_HOME_DELIVERY_FROM_FEN ? HOME_DELIVERY_FEN : 0
    return { id: newId(), orderNo: newOrderNumber(now), shopId, shopLines, itemsFen, deliveryFen }
  })
  const amountFen = orders.reduce((sum, o) => sum + o.itemsFen + o.deliveryFen, 0)

  // Reserve first, in SKU order: concurrent checkouts then lock stock rows in the same order and
  // cannot deadlock on PostgreSQL.
  for (const line of [...lines].sort((a, b) => a.skuId.localeCompare(b.skuId))) {
    const reserved = await reserveStock(db, {
      skuId: line.skuId,
      locationId: location.id,
      quantity: line.quantity,
      orderId: orderOf(orders, line).id,
      actorUserId: userId,
    })
    if (!reserved) throw await soldOut(db, line, location)
  }

  await db
    .insertInto('payment')
    .values({
      id: paymentId,
      out_trade_no: paymentId.replaceAll('-', ''),
      user_id: userId,
      provider: amountFen === 0 ? FREE_PROVIDER : provider,
      amount_fen: amountFen,
      status: 'pending',
      provider_transaction_id: null,
      pay_url: null,
      expires_at: expiresAt,
      paid_at: null,
      closed_at: null,
      refunded_fen: 0,
      created_at: now,
    })
    .execute()

  for (const order of orders) {
    await db
      .insertInto('shop_order')
      .values({
        id: order.id,
        order_no: order.orderNo,
        payment_id: paymentId,
        user_id: userId,
        shop_id: order.shopId,
        channel: 'online',
        location_id: location.id,
        delivery: input.delivery,
        // Station pickup takes the goods from the warehouse but hands them over at the station.
        pickup_location_id: input.delivery === 'home' ? null : (input.pickupLocationId ?? null),
        address_json: addressJson,
        status: 'created',
        items_fen: order.itemsFen,
        delivery_fen: order.deliveryFen,
        total_fen: order.itemsFen + order.deliveryFen,
        refunded_fen: 0,
        pickup_code: null,
        note: input.note ?? null,
        payment_deadline: expiresAt,
        paid_at: null,
        ready_at: null,
        completed_at: null,
        cancelled_at: null,
        cancel_reason: null,
        reminded_at: null,
        parcel_id: null,
        promotion_kind: input.promotion?.kind ?? null,
        promotion_id: input.promotion?.id ?? null,
        share_code: input.promotion?.shareCode ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    for (const line of order.shopLines) {
      await db
        .insertInto('order_line')
        .values({
          id: newId(),
          order_id: order.id,
          sku_id: line.skuId,
          product_id: line.productId,
          title: line.title,
          spec: line.spec,
          local_kind: line.localKind,
          unit_price_fen: line.unitPriceFen,
          quantity: line.quantity,
          line_fen: line.lineFen,
        })
        .execute()
    }
    await db
      .insertInto('order_event')
      .values({
        id: newId(),
        order_id: order.id,
        from_status: null,
        to_status: 'created',
        actor_user_id: userId,
        note: null,
        at: now,
      })
      .execute()
    await recordAudit(db, actor, {
      action: 'order.created',
      entityType: 'order',
      entityId: order.id,
      organizationId: null,
      after: { orderNo: order.orderNo, totalFen: order.itemsFen + order.deliveryFen },
    })
  }
  if (input.fromCart) {
    await db
      .deleteFrom('cart_item')
      .where('user_id', '=', userId)
      .where(
        'sku_id',
        'in',
        lines.map((line) => line.skuId),
      )
      .execute()
  }
  return {
    paymentId,
    outTradeNo: paymentId.replaceAll('-', ''),
    amountFen,
    expiresAt,
    orderIds: orders.map((o) => o.id),
  }
}

/**
 * The payment of an order that costs nothing: it never goes to WeChat Pay or Alipay (which
 * refuse ¥0), and reconciliation with them leaves it out.
 */
export const FREE_PROVIDER = 'free'

/**
 * Pays an order that costs nothing (a bargain cut to a ¥0 floor and collected in store), in the
 * caller's transaction, through the same path as a provider's callback: stock is sold and the
 * promotion hears of it as of any payment. Called by the promotion once it has linked the order.
 */
export async function payFreeOrder(
  db: Db,
  hooks: PromotionHookRegistry,
  actor: Actor,
  placed: Pick<CheckoutResult, 'outTradeNo' | 'amountFen'>,
): Promise<void> {
  if (placed.amountFen !== 0) throw new Error('programming error: only a ¥0 order is paid here')
  await applyPaymentEvent(
    db,
    actor,
    FREE_PROVIDER,
    {
      kind: 'payment.succeeded',
      outTradeNo: placed.outTradeNo,
      providerTransactionId: `FREE${placed.outTradeNo}`,
      amountFen: 0,
      occurredAt: nowIso(),
    },
    // A free order's only event is this one: what it means for the order is the orders' own.
    orderPaymentListener(hooks),
  )
}

interface PricedLine {
  index: number
  skuId: string
  productId: string
  shopId: string
  title: string
  spec: string
  localKind: 'fresh' | 'specialty' | null
  unitPriceFen: number
  quantity: number
  lineFen: number
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
      title: row.title,
      spec: row.spec,
      localKind: row.local_kind,
      unitPriceFen: row.price_fen,
      quantity: item.quantity,
      lineFen: row.price_fen * item.quantity,
    }
  })
}

/** The pickup store for store pickup; the county warehouse for home delivery and stations. */
async function sourceLocation(db: Db, input: CheckoutInput): Promise<StockLocationTable> {
  if (input.delivery === 'home') return warehouse(db)
  if (input.pickupLocationId === undefined)
    throw invalidField('pickupLocationId', { en: 'choose where to pick up', zh: '请选择自提点' })
  const wanted = input.delivery === 'store_pickup' ? 'store' : 'station'
  const location = await db
    .selectFrom('stock_location')
    .selectAll()
    .where('id', '=', input.pickupLocationId)
    .where('kind', '=', wanted)
    .where('active', '=', 1)
    .executeTakeFirst()
  if (!location)
    throw invalidField('pickupLocationId', {
      en: `no open ${wanted} has this id`,
      zh: wanted === 'store' ? '体验店不存在或已停业' : '服务站不存在或已停用',
    })
  return input.delivery === 'store_pickup' ? location : warehouse(db)
}

async function warehouse(db: Db): Promise<StockLocationTable> {
  const found = await db
    .selectFrom('stock_location')
    .selectAll()
    .where('kind', '=', 'warehouse')
    .where('active', '=', 1)
    .orderBy('created_at')
    .executeTakeFirst()
  if (!found)
    throw new AppError('conflict', {
      en: 'the county warehouse is not set up yet',
      zh: '县级仓库尚未设置',
    })
  return found
}

async function deliveryAddress(
  db: Db,
  userId: string,
  input: CheckoutInput,
): Promise<string | null> {
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
  return JSON.stringify({
    recipientName: address.recipient_name,
    phone: address.phone,
    divisionCode: address.division_code,
    detail: address.detail,
  })
}

async function soldOut(db: Db, line: PricedLine, location: StockLocationTable): Promise<AppError> {
  const level = await db
    .selectFrom('stock_level')
    .select('available')
    .where('sku_id', '=', line.skuId)
    .where('location_id', '=', location.id)
    .executeTakeFirst()
  const left = level?.available ?? 0
  const message = {
    en: `only ${left} left of ${line.title} ${line.spec} at ${location.name}`,
    zh: `${line.title}（${line.spec}）在${location.name}仅剩 ${left} 件`,
  }
  return new AppError('conflict', message, [{ field: `items/${line.index}/quantity`, message }])
}

const orderOf = <T extends { shopId: string }>(orders: readonly T[], line: PricedLine): T =>
  orders.find((order) => order.shopId === line.shopId) as T
