import { findOrganizationSummary, organizationNamesOf } from '../../../platform/accounts/index.js'
import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso, shanghaiDate } from '../../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../../shared/errors.js'
import { newId } from '../../../shared/ids.js'
import { findSeries, getBrand, SERIES } from './brands.js'
import type { BrandLicense, BrandLicenseTable, GrantLicenseBody } from './brand-schema.js'

// BR-1: the operating company licenses qualified producers to sell under the brand, for one
// series or all of them, for a period; a licence can be revoked.

const LICENSE = { en: 'brand licence', zh: '品牌授权' }
const LICENSEE_TYPES = new Set(['merchant', 'enterprise'])

type LicenseRow = BrandLicenseTable & { organization_name: string; series_name: string | null }

const isValidOn = (row: BrandLicenseTable, day: string): boolean =>
  row.revoked_at === null && row.valid_from <= day && (row.valid_to === null || row.valid_to >= day)

const toLicense = (row: LicenseRow, day: string): BrandLicense => ({
  id: row.id,
  brandId: row.brand_id,
  seriesId: row.series_id,
  seriesName: row.series_name,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  revokedAt: row.revoked_at,
  revokedReason: row.revoked_reason,
  valid: isValidOn(row, day),
})

const selectLicenses = (db: Db) =>
  db
    .selectFrom('brand_license')
    .leftJoin('brand_series', 'brand_series.id', 'brand_license.series_id')
    .selectAll('brand_license')
    .select('brand_series.name as series_name')

type LicenseRowWithoutName = Omit<LicenseRow, 'organization_name'>

/** The licences with their licensee's name (accounts' table, read through accounts). */
async function withOrganizationNames(
  db: Db,
  rows: readonly LicenseRowWithoutName[],
): Promise<LicenseRow[]> {
  const names = await organizationNamesOf(
    db,
    rows.map((r) => r.organization_id),
  )
  return rows.flatMap((row) => {
    const organizationName = names.get(row.organization_id)
    return organizationName === undefined ? [] : [{ ...row, organization_name: organizationName }]
  })
}

/** Every licence of the brand, newest first: who may sell under it, and who no longer may. */
export async function listLicenses(db: Db, brandId: string): Promise<BrandLicense[]> {
  await getBrand(db, brandId)
  const today = shanghaiDate(nowIso())
  const rows = await withOrganizationNames(
    db,
    await selectLicenses(db)
      .where('brand_license.brand_id', '=', brandId)
      .orderBy('brand_license.created_at', 'desc')
      .execute(),
  )
  return rows.map((row) => toLicense(row, today))
}

async function getLicense(db: Db, id: string): Promise<BrandLicense> {
  const [row] = await withOrganizationNames(
    db,
    await selectLicenses(db).where('brand_license.id', '=', id).execute(),
  )
  if (!row) throw notFound(LICENSE, id)
  return toLicense(row, shanghaiDate(nowIso()))
}

/** Whether the organization may sell the series today (a licence for it, or for the whole brand). */
export async function holdsValidLicense(
  db: Db,
  organizationId: string,
  seriesId: string,
): Promise<boolean> {
  const series = await findSeries(db, seriesId)
  const rows = await db
    .selectFrom('brand_license')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('brand_id', '=', series.brand_id)
    .where((eb) => eb.or([eb('series_id', 'is', null), eb('series_id', '=', seriesId)]))
    .execute()
  const today = shanghaiDate(nowIso())
  return rows.some((row) => isValidOn(row, today))
}

export async function grantLicense(
  db: Db,
  actor: Actor,
  brandId: string,
  body: GrantLicenseBody,
): Promise<BrandLicense> {
  await getBrand(db, brandId)
  if (body.seriesId !== undefined) {
    const series = await db
      .selectFrom('brand_series')
      .select('brand_id')
      .where('id', '=', body.seriesId)
      .executeTakeFirst()
    if (series?.brand_id !== brandId)
      throw invalidField('seriesId', {
        en: `no such ${SERIES.en} of this brand`,
        zh: `该品牌没有此${SERIES.zh}`,
      })
  }
  if (body.validTo !== undefined && body.validTo < body.validFrom)
    throw invalidField('validTo', { en: 'must not be before validFrom', zh: '不能早于起始日期' })
  const organization = await findOrganizationSummary(db, body.organizationId)
  if (!organization || !LICENSEE_TYPES.has(organization.type))
    throw invalidField('organizationId', {
      en: 'must be a merchant or enterprise organization',
      zh: '应为网商或企业组织',
    })
  const overlapping = await db
    .selectFrom('brand_license')
    .select('id')
    .where('brand_id', '=', brandId)
    .where('organization_id', '=', body.organizationId)
    .where('series_id', body.seriesId === undefined ? 'is' : '=', body.seriesId ?? null)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', body.validFrom)]))
    .where('valid_from', '<=', body.validTo ?? '9999-12-31')
    .executeTakeFirst()
  if (overlapping)
    throw conflict({ en: 'a licence for these dates already exists', zh: '该时段已有相同授权' })
  const id = newId()
  await db
    .insertInto('brand_license')
    .values({
      id,
      brand_id: brandId,
      series_id: body.seriesId ?? null,
      organization_id: body.organizationId,
      valid_from: body.validFrom,
      valid_to: body.validTo ?? null,
      revoked_at: null,
      revoked_reason: null,
      granted_by: actor.principal?.userId ?? null,
      created_at: nowIso(),
    })
    .execute()
  const after = await getLicense(db, id)
  await recordAudit(db, actor, {
    action: 'brand_license.grant',
    entityType: 'brand_license',
    entityId: id,
    organizationId: body.organizationId,
    after,
  })
  return after
}

export async function revokeLicense(
  db: Db,
  actor: Actor,
  id: string,
  reason: string,
): Promise<BrandLicense> {
  const before = await getLicense(db, id)
  if (before.revokedAt !== null)
    throw conflict({ en: 'the licence is already revoked', zh: '该授权已撤销' })
  await db
    .updateTable('brand_license')
    .set({ revoked_at: nowIso(), revoked_reason: reason })
    .where('id', '=', id)
    .execute()
  const after = await getLicense(db, id)
  await takeUnlicensedOffSale(db, actor, before.organizationId, before.brandId)
  await recordAudit(db, actor, {
    action: 'brand_license.revoke',
    entityType: 'brand_license',
    entityId: id,
    organizationId: before.organizationId,
    before,
    after,
  })
  return after
}

/** After a revocation: the merchant's on-sale products of the brand that no licence covers any more. */
async function takeUnlicensedOffSale(
  db: Db,
  actor: Actor,
  organizationId: string,
  brandId: string,
): Promise<void> {
  const onSale = await db
    .selectFrom('product')
    .innerJoin('shop', 'shop.id', 'product.shop_id')
    .innerJoin('brand_series', 'brand_series.id', 'product.brand_series_id')
    .select(['product.id', 'product.brand_series_id'])
    .where('shop.organization_id', '=', organizationId)
    .where('brand_series.brand_id', '=', brandId)
    .where('product.status', '=', 'on_sale')
    .execute()
  for (const product of onSale) {
    if (await holdsValidLicense(db, organizationId, product.brand_series_id ?? '')) continue
    await db
      .updateTable('product')
      .set({ status: 'off_sale', updated_at: nowIso() })
      .where('id', '=', product.id)
      .execute()
    await recordAudit(db, actor, {
      action: 'product.off_sale',
      entityType: 'product',
      entityId: product.id,
      organizationId,
      before: { status: 'on_sale' },
      after: { status: 'off_sale', reason: 'brand licence revoked' },
    })
  }
}
