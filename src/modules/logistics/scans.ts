import type { Db } from '../../db/database.js'
import { DeniedActionError, isInScope } from '../../platform/access/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Actor } from '../../platform/http/index.js'
import { enqueueSms } from '../../platform/notifications/index.js'
import { nowIso } from '../../shared/clock.js'
import { AppError, conflict, invalidField, notFound, withReason } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { SCAN_STEPS, statusAfterScan, type ParcelStatus, type ScanType } from './parcel-status.js'
import {
  assignPickupCode,
  checkWrongCodeLimit,
  stationOf,
  WrongPickupCodeError,
} from './pickup-codes.js'
import { dueAtOf, selectParcels, toParcel, withCarrierNames } from './parcel-views.js'
import type { HandOverByCodeBody, Parcel, ScanBody, ScanResult } from './schema.js'

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

/**
 * LOG-5: records one physical step. The parcel's status follows; impossible steps are refused,
 * each refusal with a machine-readable reason a scanner tells apart (issue 15): `unknown_waybill`
 * (404), `wrong_station` (403: another station's parcel), `wrong_step` (409, or 403 for a step
 * this caller never takes), `wrong_phone_tail` / `wrong_pickup_code` (400). A parcel already
 * scanned so answers 200 with `duplicate: true` and records nothing again (idempotent).
 */
export async function recordScan(
  db: Db,
  actor: Actor,
  body: ScanBody,
  onScan?: ScanListener,
): Promise<ScanResult> {
  const parcel = await findParcelByWaybill(db, body.waybillNo, body.carrierId)
  const step = SCAN_STEPS[body.type]
  // Station masters act only on parcels for their own station; the hub acts on all.
  if (!actor.scope.county) {
    if (!isInScope(actor.scope, parcel.destination_organization_id))
      throw withReason(
        new DeniedActionError(
          {
            en: `waybill ${parcel.waybill_no} is bound for ${parcel.destination_name ?? 'another station'}, not your station`,
            zh: `运单 ${parcel.waybill_no} 应送往${parcel.destination_name ?? '其他服务站'}，不是本站的包裹`,
          },
          'parcel',
          parcel.id,
          parcel.carrier_id,
        ),
        'wrong_station',
      )
    if (step.at !== 'station')
      throw withReason(
        new DeniedActionError(
          { en: `a station cannot scan "${body.type}"`, zh: `村级服务站不能执行“${step.zh}”扫描` },
          'parcel',
          parcel.id,
          parcel.carrier_id,
        ),
        'wrong_step',
      )
  }
  if (parcel.status === step.to) return scannedAlready(db, actor, parcel.id, body.type)
  const next = statusAfterScan(parcel.status, body.type)
  if (next === null) throw wrongStep(parcel.status, body.type)
  if (body.type === 'sorted' && parcel.destination_site_id === null) {
    throw withReason(
      invalidField('waybillNo', {
        en: 'pick the destination station before sorting',
        zh: '请先为该包裹指定目的服务站再分拣',
      }),
      'no_destination',
    )
  }
  if (body.type === 'picked_up') {
    if (body.pickupCode !== undefined && parcel.destination_site_id !== null)
      await checkWrongCodeLimit(db, parcel.destination_site_id)
    checkPickupProof(parcel, body)
  }
  const siteId =
    step.at === 'station' ? parcel.destination_site_id : await hubSiteId(db, body.siteId)
  const at = nowIso()
  // Compare-and-set on the status: of two scanners racing, one wins; the other finds the parcel
  // already scanned so (a duplicate) or refused.
  const updated = await db
    .updateTable('parcel')
    .set({
      status: next,
      updated_at: at,
      ...(body.type === 'received' ? { received_at: at, due_at: dueAtOf(at) } : {}),
      ...(body.type === 'arrived' ? { arrived_at: at } : {}),
      ...(next === 'picked_up' || next === 'returned' ? { pickup_code: null } : {}),
    })
    .where('id', '=', parcel.id)
    .where('status', '=', parcel.status)
    .executeTakeFirst()
  if (updated.numUpdatedRows === 0n) {
    const now = await db
      .selectFrom('parcel')
      .select('status')
      .where('id', '=', parcel.id)
      .executeTakeFirstOrThrow()
    if (now.status === step.to) return scannedAlready(db, actor, parcel.id, body.type)
    throw withReason(
      conflict({
        en: 'the parcel was scanned by someone else just now; scan again',
        zh: '包裹刚被他人扫描，请重新扫描',
      }),
      'wrong_step',
    )
  }
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
  if (body.type === 'arrived' && parcel.destination_site_id !== null) {
    const pickupCode = await assignPickupCode(db, parcel.id, parcel.destination_site_id)
    await enqueueSms(db, {
      phone: parcel.recipient_phone,
      template: 'parcel_arrived',
      params: {
        waybillNo: parcel.waybill_no,
        stationName: parcel.destination_name ?? '',
        pickupCode,
      },
    })
  }
  await recordAudit(db, actor, {
    action: `parcel.scan.${body.type}`,
    entityType: 'parcel',
    entityId: parcel.id,
    organizationId: parcel.carrier_id,
    before: { status: parcel.status },
    after: { status: next, siteId },
  })
  return { ...(await parcelById(db, parcel.id)), duplicate: false }
}

/**
 * Issue 15: the station master hands over the parcel waiting at the station under this pickup
 * code (typed, or scanned from the recipient's phone). A wrong code is a WrongPickupCodeError.
 */
export async function handOverByCode(
  db: Db,
  actor: Actor,
  body: HandOverByCodeBody,
  onScan?: ScanListener,
): Promise<ScanResult> {
  const siteId = await stationOf(db, actor, body.siteId)
  await checkWrongCodeLimit(db, siteId)
  const parcel = await db
    .selectFrom('parcel')
    .select(['waybill_no', 'carrier_id'])
    .where('destination_site_id', '=', siteId)
    .where('status', '=', 'at_station')
    .where('pickup_code', '=', body.pickupCode)
    .executeTakeFirst()
  if (!parcel) throw new WrongPickupCodeError(siteId, null)
  const scanBody = {
    waybillNo: parcel.waybill_no,
    carrierId: parcel.carrier_id,
    type: 'picked_up' as const,
    pickupCode: body.pickupCode,
    note: '凭取件码取件',
  }
  return recordScan(db, actor, scanBody, onScan)
}

const wrongStep = (status: ParcelStatus, type: ScanType) =>
  withReason(
    new AppError(
      'conflict',
      {
        en: `a parcel that is ${status} cannot be scanned as ${type}`,
        zh: `包裹当前状态为“${STATUS_ZH[status]}”，不能执行“${SCAN_STEPS[type].zh}”扫描`,
      },
      [{ field: 'type', message: { en: `not allowed after ${status}`, zh: '扫描顺序不正确' } }],
    ),
    'wrong_step',
  )

const STATUS_ZH: Record<ParcelStatus, string> = {
  announced: '已预报',
  received: '已收件',
  sorted: '已分拣',
  loaded: '已装车',
  in_transit: '运输中',
  at_station: '待取件',
  picked_up: '已取件',
  returned: '已退回',
}

/** The pickup scan needs the recipient's phone tail or the pickup code texted on arrival. */
function checkPickupProof(
  parcel: {
    id: string
    recipient_phone: string
    pickup_code: string | null
    destination_site_id: string | null
  },
  body: ScanBody,
): void {
  if (body.pickupCode !== undefined) {
    if (parcel.pickup_code === null || body.pickupCode !== parcel.pickup_code)
      throw new WrongPickupCodeError(parcel.destination_site_id, parcel.id)
    return
  }
  if (body.phoneTail === undefined)
    throw invalidField('phoneTail', {
      en: "give the recipient's phone tail or the pickup code",
      zh: '请输入收件人手机尾号或取件码',
    })
  if (body.phoneTail !== parcel.recipient_phone.slice(-4))
    throw withReason(
      invalidField('phoneTail', {
        en: "does not match the recipient's phone",
        zh: '手机尾号与收件人不符',
      }),
      'wrong_phone_tail',
    )
}

/** A repeated scan: the parcel as it is, nothing recorded again but the attempt in the audit log. */
async function scannedAlready(
  db: Db,
  actor: Actor,
  parcelId: string,
  type: ScanType,
): Promise<ScanResult> {
  const parcel = await parcelById(db, parcelId)
  await recordAudit(db, actor, {
    action: `parcel.scan.${type}.repeated`,
    entityType: 'parcel',
    entityId: parcelId,
    organizationId: parcel.carrierId,
  })
  return { ...parcel, duplicate: true }
}

async function parcelById(db: Db, id: string): Promise<Parcel> {
  const [after] = await withCarrierNames(
    db,
    await selectParcels(db).where('parcel.id', '=', id).execute(),
  )
  if (!after) throw notFound(PARCEL, id)
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
  if (found.length === 0 || !found[0])
    throw withReason(notFound({ en: 'waybill', zh: '运单' }, waybillNo), 'unknown_waybill')
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
