import { Type, type Static } from 'typebox'

// The payouts report's query and answer (see payouts.ts for the rule); the console shares these.

export const MAX_PAYOUT_DAYS = 366

export const PayoutQuery = Type.Object({
  from: Type.String({ format: 'date', description: 'first Shanghai date, inclusive' }),
  to: Type.String({ format: 'date', description: 'last Shanghai date, inclusive' }),
  shopId: Type.Optional(Type.String({ minLength: 1 })),
})
export type PayoutQuery = Static<typeof PayoutQuery>

const figures = {
  /** Orders paid in the period. */
  paidOrders: Type.Integer(),
  goodsFen: Type.Integer(),
  goodsRefundFen: Type.Integer(),
  /** goodsFen − goodsRefundFen = settledFen + pendingFen. */
  netFen: Type.Integer(),
  settledFen: Type.Integer(),
  pendingFen: Type.Integer(),
  /** The logistics alliance's, not the merchant's. */
  deliveryFen: Type.Integer(),
  deliveryRefundFen: Type.Integer(),
}
export const PayoutFigures = Type.Object(figures)
export type PayoutFigures = Static<typeof PayoutFigures>
export const PayoutDay = Type.Object({ date: Type.String(), ...figures })
export type PayoutDay = Static<typeof PayoutDay>
export const PayoutShop = Type.Object({
  shopId: Type.String(),
  shopName: Type.String(),
  ...figures,
})
export type PayoutShop = Static<typeof PayoutShop>
export const PayoutReport = Type.Object({
  from: Type.String(),
  to: Type.String(),
  shopId: Type.Union([Type.String(), Type.Null()]),
  totals: PayoutFigures,
  /** Every date of the period, oldest first. */
  days: Type.Array(PayoutDay),
  /** The shops in reach with anything in the period (and the one asked for), by name. */
  shops: Type.Array(PayoutShop),
})
export type PayoutReport = Static<typeof PayoutReport>
