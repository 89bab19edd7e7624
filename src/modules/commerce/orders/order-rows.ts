import type { Db } from '../../../db/database.js'

/** The orders one payment pays for. */
export const ordersOf = (db: Db, paymentId: string) =>
  db
    .selectFrom('shop_order')
    .selectAll()
    .where('payment_id', '=', paymentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()

export const linesOf = (db: Db, orderId: string) =>
  db.selectFrom('order_line').selectAll().where('order_id', '=', orderId).orderBy('id').execute()
