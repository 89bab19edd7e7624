import { randomInt } from 'node:crypto'
import type { Db } from '../../db/database.js'
import { countHit, hitsOf } from '../../platform/abuse/index.js'
import { isInScope } from '../../platform/access/index.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Actor } from '../../platform/http/index.js'
import { AppError, invalidField, withReason } from '../../shared/errors.js'

// 取件码 (issue 15, point 5): a parcel arriving at its village station gets a six-digit code, unique
// among that station's parcels waiting for pickup; the arrival SMS carries it and the station
// master hands the parcel over by it (typed, or scanned from the recipient's phone). A million
// codes against a station's few dozen waiting parcels, and at most WRONG_CODES_PER_WINDOW wrong
// tries per station per window: guessing one takes months, and every wrong try is audited.

const WRONG_CODES_PER_WINDOW = 10
const WINDOW_S = 10 * 60

/** A wrong pickup code: 400 on the pickupCode field; the route audits and counts it after rollback. */
export class WrongPickupCodeError extends AppError {
  constructor(
    readonly siteId: string | null,
    readonly parcelId: string | null,
  ) {
    super('invalid', { en: 'wrong pickup code', zh: '取件码不正确' }, [
      {
        field: 'pickupCode',
        message: { en: 'matches no parcel waiting here', zh: '没有与之对应的待取包裹' },
      },
    ])
    this.reason = 'wrong_pickup_code'
    this.name = 'WrongPickupCodeError'
  }
}

const limitKey = (siteId: string) => `pickup-code:${siteId}`

/** Gives the arrived parcel a code no other parcel waiting at the station has. */
export async function assignPickupCode(db: Db, parcelId: string, siteId: string): Promise<string> {
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const taken = await db
      .selectFrom('parcel')
      .select('id')
      .where('destination_site_id', '=', siteId)
      .where('pickup_code', '=', code)
      .executeTakeFirst()
    if (taken) continue
    await db.updateTable('parcel').set({ pickup_code: code }).where('id', '=', parcelId).execute()
    return code
  }
}

/** Refuses (429) a station that has had too many wrong codes in the window. */
export async function checkWrongCodeLimit(db: Db, siteId: string): Promise<void> {
  if ((await hitsOf(db, limitKey(siteId), WINDOW_S)) < WRONG_CODES_PER_WINDOW) return
  throw withReason(
    new AppError(
      'too_many_requests',
      {
        en: 'too many wrong pickup codes at this station; wait a few minutes or use the phone tail',
        zh: '本站取件码错误次数过多，请稍后再试或改用手机尾号取件',
      },
      [],
      WINDOW_S,
    ),
    'too_many_wrong_codes',
  )
}

/**
 * Records a wrong code after the request's transaction rolled back: one hit on the station's
 * counter and an audit entry (outcome denied).
 */
export async function noteWrongPickupCode(
  db: Db,
  actor: Actor,
  error: WrongPickupCodeError,
): Promise<void> {
  if (error.siteId !== null) await countHit(db, limitKey(error.siteId), WINDOW_S)
  await recordAudit(db, actor, {
    action: 'parcel.pickup_code.wrong',
    entityType: error.parcelId === null ? 'logistics_site' : 'parcel',
    entityId: error.parcelId ?? error.siteId,
    organizationId: null,
    outcome: 'denied',
    after: { siteId: error.siteId },
  })
}

/** The village station the caller hands over at: the one named, if in scope, or its own. */
export async function stationOf(
  db: Db,
  actor: Actor,
  requested: string | undefined,
): Promise<string> {
  let query = db
    .selectFrom('logistics_site')
    .select(['id', 'organization_id'])
    .where('kind', '=', 'village')
  if (requested !== undefined) query = query.where('id', '=', requested)
  else if (actor.scope.county)
    throw invalidField('siteId', { en: 'name the station', zh: '请指定服务站' })
  else query = query.where('organization_id', 'in', [...actor.scope.organizationIds, ''])
  const sites = await query.limit(2).execute()
  const site = sites[0]
  if (site === undefined || !isInScope(actor.scope, site.organization_id))
    throw invalidField('siteId', {
      en: 'no village station of yours has this id',
      zh: '不是您的村级服务站',
    })
  if (sites.length > 1)
    throw invalidField('siteId', {
      en: 'you run several stations: name the station',
      zh: '您管理多个服务站，请指定服务站',
    })
  return site.id
}
