import type { Db } from '../../db/database.js'
import { nowIso } from '../../shared/clock.js'
import { invalidField, notFound } from '../../shared/errors.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../http/index.js'
import type {
  CountySettingTable,
  CountySettings,
  KpiTarget,
  NewCountySettings,
  PublicCounty,
  UpdateCountySettingsBody,
} from './schema.js'

const COUNTY = { en: 'county settings', zh: '县域设置' }

/** Texts are signed with this until a county is set up (tests without a county, a fresh start). */
export const FALLBACK_SMS_SIGNATURE = '村通'

const toCountySettings = (row: CountySettingTable): CountySettings => ({
  code: row.code,
  name: row.name,
  smsSignature: row.sms_signature,
  brandName: row.brand_name,
  kpiTargets: JSON.parse(row.kpi_targets_json) as KpiTarget[],
  updatedAt: row.updated_at,
})

// One county per installation for now; the oldest row is it (issue 15 point 8 adds a second).
const findCountyRow = (db: Db) =>
  db
    .selectFrom('county_setting')
    .selectAll()
    .orderBy('created_at')
    .orderBy('code')
    .limit(1)
    .executeTakeFirst()

/** The county's settings; undefined before setup. */
export async function findCountySettings(db: Db): Promise<CountySettings | undefined> {
  const row = await findCountyRow(db)
  return row ? toCountySettings(row) : undefined
}

export const hasCountySettings = async (db: Db): Promise<boolean> =>
  (await findCountyRow(db)) !== undefined

export async function getCountySettings(db: Db): Promise<CountySettings> {
  const settings = await findCountySettings(db)
  if (!settings) throw notFound(COUNTY, '')
  return settings
}

export async function getPublicCounty(db: Db): Promise<PublicCounty> {
  const { code, name, brandName } = await getCountySettings(db)
  return { code, name, brandName }
}

/** The signature texts go out under: the county's, or a neutral one before setup. */
export async function smsSignatureOf(db: Db): Promise<string> {
  return (await findCountyRow(db))?.sms_signature ?? FALLBACK_SMS_SIGNATURE
}

/** Writes a county's settings in the caller's transaction (setup, the demo seed). */
export async function insertCountySettings(db: Db, settings: NewCountySettings): Promise<void> {
  const now = nowIso()
  await db
    .insertInto('county_setting')
    .values({
      code: settings.code,
      name: settings.name,
      sms_signature: settings.smsSignature,
      brand_name: settings.brandName,
      kpi_targets_json: JSON.stringify(settings.kpiTargets),
      created_at: now,
      updated_at: now,
    })
    .execute()
}

export async function updateCountySettings(
  db: Db,
  actor: Actor,
  body: UpdateCountySettingsBody,
): Promise<CountySettings> {
  const before = await getCountySettings(db)
  if (body.kpiTargets) {
    const seen = new Set<string>()
    for (const [index, target] of body.kpiTargets.entries()) {
      if (seen.has(target.key))
        throw invalidField(`kpiTargets/${index}/key`, {
          en: `KPI ${target.key} is listed twice`,
          zh: `指标 ${target.key} 重复`,
        })
      seen.add(target.key)
    }
  }
  const name = body.name?.trim() ?? before.name
  const smsSignature = body.smsSignature?.trim() ?? before.smsSignature
  const brandName = body.brandName?.trim() ?? before.brandName
  if (/[【】[\]]/.test(smsSignature))
    throw invalidField('smsSignature', {
      en: 'The signature is written without brackets',
      zh: '短信签名不含【】括号',
    })
  await db
    .updateTable('county_setting')
    .set({
      name,
      sms_signature: smsSignature,
      brand_name: brandName,
      kpi_targets_json: JSON.stringify(body.kpiTargets ?? before.kpiTargets),
      updated_at: nowIso(),
    })
    .where('code', '=', before.code)
    .execute()
  const after = await getCountySettings(db)
  await recordAudit(db, actor, {
    action: 'county.update',
    entityType: 'county',
    entityId: before.code,
    organizationId: null,
    before,
    after,
  })
  return after
}
