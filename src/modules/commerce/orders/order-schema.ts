import { Type, type Static } from 'typebox'
import { Nullable, PageQuery } from '../../../platform/http/index.js'
import { DELIVERY_KINDS, ORDER_STATUSES } from './order-tables.js'
import { ParcelStatus } from '../../logistics/schema.js'

// Issue 4: the API shapes of carts, checkout, orders, payments and pickup points.

export const MobilePhone = Type.String({
  pattern: '^1[3-9]\\d{9}$',
  description: '11-digit mobile',
})
export const OrderStatus = Type.Enum(ORDER_STATUSES)
export const DeliveryKind = Type.Enum(DELIVERY_KINDS)
/**
 * The kinds of stock/stock-schema.ts, written out: a schema file imports no other folder's code
 * (the web reads these types). toPickupPoint stops compiling if stock adds a kind.
 */
export const StockLocationKind = Type.Enum(['warehouse', 'store', 'station'])

export const ChallengeSolution = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 1000 }),
    nonce: Type.String({ pattern: '^\\d{1,16}$' }),
  },
  {
    additionalProperties: false,
    description: 'a solved GET /shop/auth/challenge: required after a few codes from one address',
  },
)
export const LoginCodeBody = Type.Object(
  { phone: MobilePhone, challenge: Type.Optional(ChallengeSolution) },
  { additionalProperties: false },
)
export const LoginCodeChallenge = Type.Object({
  token: Type.String(),
  difficulty: Type.Integer({
    description: 'find a nonce: SHA-256 of `${token}:${nonce}` starts with this many zero bits',
  }),
  expiresAt: Type.String({ format: 'date-time' }),
})
export const LoginCodeSent = Type.Object({
  sentTo: Type.String(),
  resendAfterS: Type.Integer(),
  localCode: Type.Optional(
    Type.String({ description: 'only with the local SMS provider, which sends nothing' }),
  ),
})
export const CodeLoginBody = Type.Object(
  { phone: MobilePhone, code: Type.String({ pattern: '^\\d{6}$' }) },
  { additionalProperties: false },
)
export const Customer = Type.Object({
  userId: Type.String(),
  displayName: Type.String(),
  phone: Type.String(),
  csrfToken: Type.String(),
})

export const CartLine = Type.Object({
  skuId: Type.String(),
  productId: Type.String(),
  title: Type.String(),
  spec: Type.String(),
  unitPriceFen: Type.Integer(),
  quantity: Type.Integer(),
  onSale: Type.Boolean(),
})
export const CartQuantityBody = Type.Object(
  { quantity: Type.Integer({ minimum: 0, maximum: 99 }) },
  { additionalProperties: false },
)

export const AddressBody = Type.Object(
  {
    recipientName: Type.String({ minLength: 1, maxLength: 40 }),
    phone: MobilePhone,
    divisionCode: Type.String({
      pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$',
      description:
        "the county's township or village; outside the county, a county or street of GET /api/regions",
    }),
    detail: Type.String({ minLength: 2, maxLength: 200 }),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type AddressBody = Static<typeof AddressBody>
export const Address = Type.Object({
  id: Type.String(),
  recipientName: Type.String(),
  phone: Type.String(),
  divisionCode: Type.String(),
  /** 省 市 县 乡镇 村, from the division codes */
  region: Type.String(),
  detail: Type.String(),
  isDefault: Type.Boolean(),
  /** Outside the county the order ships through an alliance carrier (issue 15, SVC-1). */
  insideCounty: Type.Boolean(),
})
export type Address = Static<typeof Address>

export const PickupPoint = Type.Object({
  id: Type.String(),
  kind: StockLocationKind,
  /** The store or station organization running it: its clerks hand orders over here. */
  organizationId: Nullable(Type.String()),
  name: Type.String(),
  address: Type.String(),
  openingHours: Type.String(),
})
export type PickupPoint = Static<typeof PickupPoint>

export const CheckoutBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          skuId: Type.String({ minLength: 1 }),
          quantity: Type.Integer({ minimum: 1, maximum: 99 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    delivery: Type.Enum(['home', 'station_pickup', 'store_pickup']),
    addressId: Type.Optional(Type.String()),
    pickupLocationId: Type.Optional(Type.String()),
    note: Type.Optional(Type.String({ maxLength: 200 })),
    fromCart: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type CheckoutBody = Static<typeof CheckoutBody>

export const PayAction = Type.Union([
  Type.Object({ kind: Type.Literal('redirect'), url: Type.String() }),
  Type.Object({ kind: Type.Literal('qr-code'), codeUrl: Type.String() }),
  Type.Object({
    kind: Type.Literal('jsapi'),
    params: Type.Object({
      appId: Type.String(),
      timeStamp: Type.String(),
      nonceStr: Type.String(),
      package: Type.String(),
      signType: Type.Literal('RSA'),
      paySign: Type.String(),
    }),
  }),
])

export const PaymentInfo = Type.Object({
  id: Type.String(),
  outTradeNo: Type.String(),
  provider: Type.String(),
  amountFen: Type.Integer(),
  status: Type.Enum(['pending', 'succeeded', 'closed']),
  expiresAt: Type.String(),
  paidAt: Nullable(Type.String()),
})
export type PaymentInfo = Static<typeof PaymentInfo>

export const OrderLine = Type.Object({
  skuId: Type.String(),
  productId: Type.String(),
  title: Type.String(),
  spec: Type.String(),
  localKind: Nullable(Type.Enum(['fresh', 'specialty'])),
  unitPriceFen: Type.Integer(),
  quantity: Type.Integer(),
  lineFen: Type.Integer(),
})

/** Home delivery and station pickup: the parcel carrying the order (track it at /track). */
export const Shipment = Type.Object({
  waybillNo: Type.String(),
  carrierName: Type.String(),
  status: ParcelStatus,
  stationName: Nullable(Type.String()),
  dueAt: Nullable(Type.String({ description: 'the 72-hour promise, from the hub receiving it' })),
})
export type Shipment = Static<typeof Shipment>

export const Order = Type.Object({
  id: Type.String(),
  orderNo: Type.String(),
  shopId: Type.String(),
  shopName: Type.String(),
  channel: Type.Enum(['online', 'pos']),
  delivery: DeliveryKind,
  pickupPoint: Nullable(PickupPoint),
  status: OrderStatus,
  itemsFen: Type.Integer(),
  deliveryFen: Type.Integer(),
  totalFen: Type.Integer(),
  refundedFen: Type.Integer(),
  /** Shown to the buyer only, while the order waits at its pickup point. */
  pickupCode: Nullable(Type.String()),
  shipment: Nullable(Shipment),
  /** Home delivery outside the county: handed to an alliance carrier with its waybill (issue 15). */
  shipsByCarrier: Type.Boolean(),
  paymentId: Nullable(Type.String()),
  paymentDeadline: Nullable(Type.String()),
  createdAt: Type.String(),
  paidAt: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  lines: Type.Array(OrderLine),
  history: Type.Array(
    Type.Object({ status: OrderStatus, at: Type.String(), note: Nullable(Type.String()) }),
  ),
})
export type Order = Static<typeof Order>

export const CheckoutResult = Type.Object({
  payment: PaymentInfo,
  orders: Type.Array(Order),
  action: Nullable(PayAction),
})

export const ShipOrderBody = Type.Object(
  {
    carrierId: Type.String({ minLength: 1 }),
    carrierWaybillNo: Type.String({ pattern: '^[A-Za-z0-9-]{6,32}$' }),
  },
  { additionalProperties: false },
)
export type ShipOrderBody = Static<typeof ShipOrderBody>

export const OrderListQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(OrderStatus),
  shopId: Type.Optional(Type.String()),
  q: Type.Optional(Type.String({ maxLength: 40, description: 'order number' })),
})
export type OrderListQuery = Static<typeof OrderListQuery>

export const PickupVerifyBody = Type.Object(
  { locationId: Type.String({ minLength: 1 }), code: Type.String({ pattern: '^\\d{6}$' }) },
  { additionalProperties: false },
)

export const CounterSaleBody = Type.Object(
  {
    locationId: Type.String({ minLength: 1 }),
    items: Type.Array(
      Type.Object(
        {
          skuId: Type.String({ minLength: 1 }),
          quantity: Type.Integer({ minimum: 1, maximum: 999 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    paidWith: Type.Enum(['cash', 'wechat', 'alipay', 'unionpay']),
  },
  { additionalProperties: false },
)
export type CounterSaleBody = Static<typeof CounterSaleBody>
