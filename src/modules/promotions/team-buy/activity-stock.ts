import type { Db } from '../../../db/database.js'

// The units an activity offers at the team price: taken when a seat is held (or a late payment
// is re-admitted), returned when a seat is released or refunded. One conditional update each,
// so `stock_taken` never passes `stock`.

export async function takeActivityStock(
  db: Db,
  activityId: string,
  quantity: number,
): Promise<boolean> {
  const result = await db
    .updateTable('team_activity')
    .set((eb) => ({ stock_taken: eb('stock_taken', '+', quantity) }))
    .where('id', '=', activityId)
    .where((eb) => eb(eb('stock_taken', '+', quantity), '<=', eb.ref('stock')))
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function returnActivityStock(
  db: Db,
  activityId: string,
  quantity: number,
): Promise<void> {
  await db
    .updateTable('team_activity')
    .set((eb) => ({ stock_taken: eb('stock_taken', '-', quantity) }))
    .where('id', '=', activityId)
    .where('stock_taken', '>=', quantity)
    .execute()
}
