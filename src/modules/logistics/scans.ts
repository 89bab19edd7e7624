import type { Db } from '../../db/database.js'
import { DeniedActionError, isInScope, OutOfScopeError } from '../../platform/access/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Actor } from '../../platform/http/index.js'
import { enqueueSms } from '../../platform/notifications/index.js'
import { nowIso } from '../../shared/clock.js'
import { AppError, conflict, invalidField, notFound } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { SCAN_STEPS, statusAfterScan, type ScanType } from './parcel-status.js'
import { dueAtOf, selectParcels, toParcel, withCarrierNames } from './parcel-views.js'
import type { Parcel, ScanBody } from './schema.js'

const PARCEL = { en: 'parcel', zh: '包裹' }

/**
 * What else follows a scan, in the scan's transaction: the shop's orders travel as parcels and
 * move on with them. A listener that throws refuses the scan (an order refunded meanwhile must
 * not be shipped).
 */
export type ScanListener = (
  db: Db,
  actor: Actor,
  scan: { parcelId: string; type: ScanType; at: string },
) => Promise<void>

/** LOG-5: records one physical step. The parcel's status follows; impossible steps are refused. */
export async function recordScan(
  db: Db,
  actor: Actor,
  body: ScanBody,
  onScan?: ScanListener,
): Promise<Parcel> {
  const parcel = await findParcelByWaybill(db, body.waybillNo, body.carrierId)
  const step = SCAN_STEPS[body.type]
  // Station masters act only on parcels for their own station; the hub acts on all.
  if (!actor.scope.county) {
    if (!isInScope(actor.scope, parcel.destination_organization_id))
      throw new OutOfScopeError(PARCEL, 'parcel', body.waybillNo, parcel.carrier_id)
    if (step.at !== 'station')
      throw new DeniedActionError(
        { en: `a station cannot scan "${body.type}"`, zh: `村级服务站不能执行“${step.zh}”扫描` },
        'parcel',
        parcel.id,
        parcel.carrier_id,
      )
  }
  const next = statusAfterScan(parcel.status, body.type)
  if (next === null) {
    throw new AppError(
      'conflict',
      {
        en: `a parcel that is ${parcel.status} cannot be scanned as ${body.type}`,
        zh: `包裹当前状态为“${parcel.status}”，不能执行“${step.zh}”扫描`,
      },
      [
        {
          field: 'type',
          message: { en: `not allowed after ${parcel.status}`, zh: '扫描顺序不正确' },
        },
      ],
    )
  }
  if (body.type === 'sorted' && parcel.destination_site_id === null) {
    throw invalidField('waybillNo', {
      en: 'pick the destination station before sorting',
      zh: '请先为该包裹指定目的服务站再分拣',
    })
  }
  if (body.type === 'picked_up' && body.phoneTail !== parcel.recipient_phone.slice(-4)) {
    throw invalidField('phoneTail', {
      en: "does not match the recipient's phone",
      zh: '手机尾号与收件人不符',
    })
  }
  const siteId =
    step.at === 'station' ? parcel.destination_site_id : await hubSiteId(db, body.siteId)
  const at = nowIso()
  // Compare-and-set on the status: of two scanners racing, one wins and the other is refused.
  const updated = await db
    .updateTable('parcel')
    .set({
      status: next,
      updated_at: at,
      ...(body.type === 'received' ? { received_at: at, due_at: dueAtOf(at) } : {}),
      ...(body.type === 'arrived' ? { arrived_at: at } : {}),
    })
    .where('id', '=', parcel.id)
    .where('status', '=', parcel.status)
    .executeTakeFirst()
  if (updated.numUpdatedRows === 0n)
    throw conflict({
      en: 'the parcel was scanned by someone else just now; scan again',
      zh: '包裹刚被他人扫描，请重新扫描',
    })
  await db
    .insertInto('scan_event')
    .values({
      id: newId(),
      parcel_id: parcel.id,
      type: body.type,
      site_id: siteId,
      at,
      actor_user_id: actor.principal?.userId ?? null,
      actor_name: actor.principal?.displayName ?? null,
      note: body.note ?? null,
    })
    .execute()
  await onScan?.(db, actor, { parcelId: parcel.id, type: body.type, at })
  if (body.type === 'arrived')
    await enqueueSms(db, {
      phone: parcel.recipient_phone,
      template: 'parcel_arrived',
      params: { waybillNo: parcel.waybill_no, stationName: parcel.destination_name ?? '' },
    })
  await recordAudit(db, actor, {
    action: `parcel.scan.${body.type}`,
    entityType: 'parcel',
    entityId: parcel.id,
    organizationId: parcel.carrier_id,
    before: { status: parcel.status },
    after: { status: next, siteId },
  })
  const [after] = await withCarrierNames(
    db,
    await selectParcels(db).where('parcel.id', '=', parcel.id).execute(),
  )
  if (!after) throw notFound(PARCEL, parcel.id)
  return toParcel(after)
}

export async function findParcelByWaybill(
  db: Db,
  waybillNo: string,
  carrierId: string | undefined,
) {
  let query = selectParcels(db).where('parcel.waybill_no', '=', waybillNo.trim().toUpperCase())
  if (carrierId !== undefined) query = query.where('parcel.carrier_id', '=', carrierId)
  const found = await query.limit(2).execute()
  if (found.length === 0 || !found[0]) throw notFound({ en: 'waybill', zh: '运单' }, waybillNo)
  if (found.length > 1)
    throw invalidField('carrierId', {
      en: 'two carriers use this waybill number: name the carrier',
      zh: '多家快递公司使用该运单号，请指定快递公司',
    })
  return found[0]
}

async function hubSiteId(db: Db, requested: string | undefined): Promise<string | null> {
  let query = db
    .selectFrom('logistics_site')
    .select('id')
    .where('kind', '=', 'hub')
    .where('closed_at', 'is', null)
  if (requested !== undefined) query = query.where('id', '=', requested)
  const hub = await query.orderBy('created_at').executeTakeFirst()
  if (requested !== undefined && !hub)
    throw invalidField('siteId', { en: 'no hub has this id', zh: '物流中心不存在' })
  return hub?.id ?? null
}
