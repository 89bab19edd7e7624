import { Type, type Static, type TSchema } from 'typebox'

// Schemas every route shares: pagination, ids, nullable fields, phone numbers.

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
})
export type PageQuery = Static<typeof PageQuery>

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  })
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export type IdParams = Static<typeof IdParams>

/** Mainland mobile (11 digits from 1) or a landline with area code, e.g. 0350-6543210. */
export const PhoneNumber = Type.String({ pattern: '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$' })

/** Offset and limit for a page, with the defaults the schema promises. */
export function pageWindow(query: PageQuery): { page: number; pageSize: number; offset: number } {
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? 20
  return { page, pageSize, offset: (page - 1) * pageSize }
}

export const NoContent = Type.Null({ description: 'No content' })
