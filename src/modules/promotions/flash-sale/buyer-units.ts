import type { Db } from '../../../db/database.js'
import type { FlashBuyerTable } from './schema.js'

/**
 * Adds units to buyers' counts (flash_buyer), each only while it stays within the buyer's limit:
 * one upsert, `units = units + q WHERE units + q <= unit_limit`. Answers how many rows counted.
 * Admission in the database and the hold persister both count through here.
 */
export async function addBuyerUnits(db: Db, rows: readonly FlashBuyerTable[]): Promise<number> {
  if (rows.length === 0) return 0
  const counted = await db
    .insertInto('flash_buyer')
    .values([...rows])
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'user_id'])
        .doUpdateSet((eb) => ({ units: eb('flash_buyer.units', '+', eb.ref('excluded.units')) }))
        .where((eb) =>
          eb(
            eb('flash_buyer.units', '+', eb.ref('excluded.units')),
            '<=',
            eb.ref('flash_buyer.unit_limit'),
          ),
        ),
    )
    .returning('units')
    .execute()
  return counted.length
}
