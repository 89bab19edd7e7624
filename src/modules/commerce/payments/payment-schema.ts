import { Type, type Static } from 'typebox'
import { Nullable } from '../../../platform/http/index.js'

// The API shapes of payments: the local stand-in's pay page, and the operating company's daily
// reconciliation of orders against payments (GOV-2).

/** The local payment stand-in's pay page (no real money moves), addressed by its token. */
export const LocalPayTokenParams = Type.Object({
  token: Type.String({ minLength: 8, maxLength: 64 }),
})
export const LocalPayPage = Type.Object({
  outTradeNo: Type.String(),
  amountFen: Type.Integer(),
  description: Type.String(),
  expiresAt: Type.String(),
  status: Type.String(),
})
export type LocalPayPage = Static<typeof LocalPayPage>

export const ReconciliationQuery = Type.Object({ date: Type.String({ format: 'date' }) })

export const ReconciliationRow = Type.Object({
  outTradeNo: Type.String(),
  provider: Type.String(),
  status: Type.String(),
  amountFen: Type.Integer(),
  ordersFen: Type.Integer(),
  refundedFen: Type.Integer(),
  providerTransactionId: Nullable(Type.String()),
  problems: Type.Array(Type.String()),
})
export type ReconciliationRow = Static<typeof ReconciliationRow>

export const Reconciliation = Type.Object({
  date: Type.String(),
  payments: Type.Integer(),
  paidCount: Type.Integer(),
  paidFen: Type.Integer(),
  refundedFen: Type.Integer(),
  problems: Type.Integer(),
  rows: Type.Array(ReconciliationRow),
})
export type Reconciliation = Static<typeof Reconciliation>
