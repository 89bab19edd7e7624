import type { Db } from '../../../db/database.js'
import { lockUserRow } from '../../../platform/accounts/index.js'
import { recordAudit } from '../../../platform/audit/index.js'
import { deliverablePlace, findPlaces } from '../../../platform/geography/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import type { Address, AddressBody } from './order-schema.js'
import type { CustomerAddressTable } from './order-tables.js'

// A consumer's delivery addresses in the Chinese form: the division (down to the village) from
// the county's geography, or anywhere else in China a county or street of the nationwide list
// (issue 15, SVC-1: outside the county the order ships through an alliance carrier), plus the
// detail (组, 门牌号 / street and number).

export async function listAddresses(db: Db, userId: string): Promise<Address[]> {
  const rows = await db
    .selectFrom('customer_address')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('is_default', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
  return Promise.all(rows.map((row) => toAddress(db, row)))
}

export async function addAddress(
  db: Db,
  actor: Actor,
  userId: string,
  body: AddressBody,
): Promise<Address> {
  if (!(await deliverablePlace(db, body.divisionCode)))
    throw invalidField('divisionCode', {
      en: 'not a township or village of the county, nor a county or street elsewhere in China',
      zh: '请选择本县的乡镇或村，或外地的区县、街道',
    })
  await lockAddressBook(db, userId)
  const existing = await db
    .selectFrom('customer_address')
    .select('id')
    .where('user_id', '=', userId)
    .execute()
  const isDefault = body.isDefault === true || existing.length === 0
  if (isDefault)
    await db
      .updateTable('customer_address')
      .set({ is_default: 0 })
      .where('user_id', '=', userId)
      .where('is_default', '=', 1)
      .execute()
  const row: CustomerAddressTable = {
    id: newId(),
    user_id: userId,
    recipient_name: body.recipientName,
    phone: body.phone,
    division_code: body.divisionCode,
    detail: body.detail,
    is_default: isDefault ? 1 : 0,
    created_at: nowIso(),
  }
  await db.insertInto('customer_address').values(row).execute()
  await recordAudit(db, actor, {
    action: 'address.create',
    entityType: 'customer_address',
    entityId: row.id,
    organizationId: null,
  })
  return toAddress(db, row)
}

export async function deleteAddress(
  db: Db,
  actor: Actor,
  userId: string,
  id: string,
): Promise<void> {
  const deleted = await db
    .deleteFrom('customer_address')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (deleted.numDeletedRows !== 1n) throw notFound({ en: 'address', zh: '收货地址' }, id)
  await recordAudit(db, actor, {
    action: 'address.delete',
    entityType: 'customer_address',
    entityId: id,
    organizationId: null,
  })
}

/**
 * Serializes changes to one consumer's addresses by locking the consumer's row (a no-op update
 * holds PostgreSQL's row lock until commit; SQLite has one writer anyway). Without it, parallel
 * "add as default" requests each cleared the others' flags in a different order: deadlocks,
 * and several defaults. Everything after it in the transaction sees the previous one committed.
 */
async function lockAddressBook(db: Db, userId: string): Promise<void> {
  await lockUserRow(db, userId)
}

async function toAddress(db: Db, row: CustomerAddressTable): Promise<Address> {
  const place = (await findPlaces(db, [row.division_code])).get(row.division_code)
  return {
    id: row.id,
    recipientName: row.recipient_name,
    phone: row.phone,
    divisionCode: row.division_code,
    region: (place?.path ?? []).join(' '),
    detail: row.detail,
    isDefault: row.is_default === 1,
    insideCounty: place?.insideCounty ?? true,
  }
}
