import { Type, type Static } from 'typebox'
import { Nullable } from '../../../platform/http/index.js'

// BR-1: the county brand, its series, and the licences to sell under it.

export interface BrandTable {
  id: string
  name: string
  story: string
  created_at: string
  updated_at: string
}

export interface BrandSeriesTable {
  id: string
  brand_id: string
  name: string
  description: string
  created_at: string
  updated_at: string
}

/** The right of a merchant organization to sell under the brand: one series, or all (series_id null). */
export interface BrandLicenseTable {
  id: string
  brand_id: string
  series_id: string | null
  organization_id: string
  /** Shanghai calendar dates, YYYY-MM-DD, both inclusive; valid_to null means open-ended. */
  valid_from: string
  valid_to: string | null
  revoked_at: string | null
  revoked_reason: string | null
  granted_by: string | null
  created_at: string
}

export interface BrandTables {
  brand: BrandTable
  brand_series: BrandSeriesTable
  brand_license: BrandLicenseTable
}

const Name = Type.String({ minLength: 1, maxLength: 60 })
const LongText = Type.String({ maxLength: 2000 })

export const BrandSeries = Type.Object({
  id: Type.String(),
  brandId: Type.String(),
  name: Type.String(),
  description: Type.String(),
})
export type BrandSeries = Static<typeof BrandSeries>

export const Brand = Type.Object({
  id: Type.String(),
  name: Type.String(),
  story: Type.String(),
  series: Type.Array(BrandSeries),
})
export type Brand = Static<typeof Brand>

export const BrandBody = Type.Object(
  { name: Name, story: Type.Optional(LongText) },
  { additionalProperties: false },
)
export type BrandBody = Static<typeof BrandBody>
export const UpdateBrandBody = Type.Partial(BrandBody, {
  additionalProperties: false,
  minProperties: 1,
})
export type UpdateBrandBody = Static<typeof UpdateBrandBody>

export const SeriesBody = Type.Object(
  { name: Name, description: Type.Optional(LongText) },
  { additionalProperties: false },
)
export type SeriesBody = Static<typeof SeriesBody>
export const UpdateSeriesBody = Type.Partial(SeriesBody, {
  additionalProperties: false,
  minProperties: 1,
})
export type UpdateSeriesBody = Static<typeof UpdateSeriesBody>

const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })

export const GrantLicenseBody = Type.Object(
  {
    organizationId: Type.String({ minLength: 1 }),
    /** Omitted: the whole brand, every series. */
    seriesId: Type.Optional(Type.String({ minLength: 1 })),
    validFrom: CalendarDate,
    validTo: Type.Optional(CalendarDate),
  },
  { additionalProperties: false },
)
export type GrantLicenseBody = Static<typeof GrantLicenseBody>

export const RevokeLicenseBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
)

export const BrandLicense = Type.Object({
  id: Type.String(),
  brandId: Type.String(),
  seriesId: Nullable(Type.String()),
  seriesName: Nullable(Type.String()),
  organizationId: Type.String(),
  organizationName: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  revokedReason: Nullable(Type.String()),
  /** Not revoked and today within its dates. */
  valid: Type.Boolean(),
})
export type BrandLicense = Static<typeof BrandLicense>
