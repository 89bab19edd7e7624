import { Type, type Static } from 'typebox'
import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import { findRegion, listRegions } from '../../../platform/geography/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { invalidField } from '../../../shared/errors.js'

// The delivery fee for an address outside the county (issue 15, SVC-1), stored as data: one flat
// fee for every province, and a fee of its own for the provinces the operator names. Charged
// per order, like the county's home delivery fee.

const EVERYWHERE = '00'

export const OutsideDeliveryFees = Type.Object({
  flatFeeFen: Type.Integer({ minimum: 0, maximum: 100000 }),
  provinces: Type.Array(
    Type.Object({
      provinceCode: Type.String({ pattern: '^\\d{2}$' }),
      provinceName: Type.String(),
      feeFen: Type.Integer({ minimum: 0, maximum: 100000 }),
    }),
  ),
})
export type OutsideDeliveryFees = Static<typeof OutsideDeliveryFees>

export const OutsideDeliveryFeesBody = Type.Object(
  {
    flatFeeFen: Type.Integer({ minimum: 0, maximum: 100000 }),
    provinces: Type.Array(
      Type.Object(
        {
          provinceCode: Type.String({ pattern: '^\\d{2}$' }),
          feeFen: Type.Integer({ minimum: 0, maximum: 100000 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 40 },
    ),
  },
  { additionalProperties: false },
)
export type OutsideDeliveryFeesBody = Static<typeof OutsideDeliveryFeesBody>

/** The fee for one order to this province: its own row, else the flat fee (0 when none is set). */
export async function outsideDeliveryFeeFen(db: Db, provinceCode: string): Promise<number> {
  const rows = await db
    .selectFrom('outside_delivery_fee')
    .select(['province_code', 'fee_fen'])
    .where('province_code', 'in', [provinceCode, EVERYWHERE])
    .execute()
  const own = rows.find((r) => r.province_code === provinceCode && provinceCode !== EVERYWHERE)
  return (own ?? rows.find((r) => r.province_code === EVERYWHERE))?.fee_fen ?? 0
}

export async function getOutsideDeliveryFees(db: Db): Promise<OutsideDeliveryFees> {
  const rows = await db
    .selectFrom('outside_delivery_fee')
    .selectAll()
    .orderBy('province_code')
    .execute()
  return {
    flatFeeFen: rows.find((r) => r.province_code === EVERYWHERE)?.fee_fen ?? 0,
    provinces: rows
      .filter((r) => r.province_code !== EVERYWHERE)
      .map((r) => ({
        provinceCode: r.province_code,
        provinceName: findRegion(r.province_code)?.name ?? r.province_code,
        feeFen: r.fee_fen,
      })),
  }
}

/** Replaces the whole rule (the flat fee and every province's own fee). */
export async function setOutsideDeliveryFees(
  db: Db,
  actor: Actor,
  body: OutsideDeliveryFeesBody,
): Promise<OutsideDeliveryFees> {
  const provinces = new Set(listRegions().map((p) => p.code))
  const seen = new Set<string>()
  body.provinces.forEach((p, index) => {
    if (!provinces.has(p.provinceCode))
      throw invalidField(`provinces/${index}/provinceCode`, {
        en: 'no such province',
        zh: '没有这个省份',
      })
    if (seen.has(p.provinceCode))
      throw invalidField(`provinces/${index}/provinceCode`, {
        en: 'this province is listed twice',
        zh: '该省份重复',
      })
    seen.add(p.provinceCode)
  })
  const before = await getOutsideDeliveryFees(db)
  const now = nowIso()
  await db.deleteFrom('outside_delivery_fee').execute()
  await db
    .insertInto('outside_delivery_fee')
    .values([
      { province_code: EVERYWHERE, fee_fen: body.flatFeeFen, updated_at: now },
      ...body.provinces.map((p) => ({
        province_code: p.provinceCode,
        fee_fen: p.feeFen,
        updated_at: now,
      })),
    ])
    .execute()
  const after = await getOutsideDeliveryFees(db)
  await recordAudit(db, actor, {
    action: 'outside_delivery_fee.update',
    entityType: 'outside_delivery_fee',
    entityId: null,
    organizationId: null,
    before,
    after,
  })
  return after
}
