import { Type, type Static } from 'typebox'

// The county's own settings (issue 15, PLAT): what used to be constants of the first county is data here.

export interface CountySettingTable {
  /** GB/T 2260 county code, six digits. */
  code: string
  name: string
  /** 短信签名: the signature every text is sent under (an SMS provider may override it). */
  sms_signature: string
  /** 区域公共品牌: the county's public brand, the H5 shop's title. */
  brand_name: string
  /** JSON array of KpiTarget: the plan's indicator table. */
  kpi_targets_json: string
  created_at: string
  updated_at: string
}

export interface CountyTables {
  county_setting: CountySettingTable
}

export const KpiTarget = Type.Object(
  {
    /** The requirement's KPI id or a sub-key (`KPI-5`, `KPI-5-local-share`). */
    key: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$' }),
    target: Type.Number({ minimum: 0, maximum: 1e12 }),
    unit: Type.String({ minLength: 1, maxLength: 20 }),
  },
  { additionalProperties: false },
)
export type KpiTarget = Static<typeof KpiTarget>

const CountyName = Type.String({ minLength: 2, maxLength: 40 })
const SmsSignature = Type.String({ minLength: 2, maxLength: 20 })
const BrandName = Type.String({ minLength: 1, maxLength: 40 })

/** What anyone may know: the H5 shop and the public pages show it. */
export const PublicCounty = Type.Object({
  code: Type.String(),
  name: Type.String(),
  brandName: Type.String(),
})
export type PublicCounty = Static<typeof PublicCounty>

export const CountySettings = Type.Object({
  code: Type.String(),
  name: Type.String(),
  smsSignature: Type.String(),
  brandName: Type.String(),
  kpiTargets: Type.Array(KpiTarget),
  updatedAt: Type.String(),
})
export type CountySettings = Static<typeof CountySettings>

export const UpdateCountySettingsBody = Type.Object(
  {
    name: Type.Optional(CountyName),
    smsSignature: Type.Optional(SmsSignature),
    brandName: Type.Optional(BrandName),
    kpiTargets: Type.Optional(Type.Array(KpiTarget, { maxItems: 50 })),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateCountySettingsBody = Static<typeof UpdateCountySettingsBody>

export interface NewCountySettings {
  code: string
  name: string
  smsSignature: string
  brandName: string
  kpiTargets: readonly KpiTarget[]
}
