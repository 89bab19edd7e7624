import type { FastifyRequest, RouteOptions } from 'fastify'
import { AppError, type FieldError } from '../../shared/errors.js'

// Bounds every request schema must have, applied in one place when a route is registered: a
// schema written without them still refuses a 1 MB string, a page number past 2^53 or a value
// past an integer column's range with a 400 naming the field, instead of reaching the database
// and failing there (issue 12, GOV-2). A schema that states its own bound keeps it.

type Part = 'params' | 'querystring' | 'body' | 'headers'

/** Longest text by where it arrives when the schema names no maxLength. */
const DEFAULT_MAX_LENGTH: Record<Part, number> = {
  params: 128,
  querystring: 256,
  headers: 1024,
  body: 4000,
}
/** PostgreSQL `integer`: every integer column we have fits, and so does every page number. */
const INT_MIN = -2_147_483_648
const INT_MAX = 2_147_483_647
/** Decimal inputs are coordinates, kilograms and cubic metres: far inside this. */
const NUMBER_LIMIT = 1e12
const DEFAULT_MAX_ITEMS = 1000

/** Ids are UUIDs (shared/ids.ts); a field named `id` or `…Id` carries one unless it says otherwise. */
export const ID_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
const isIdName = (name: string | undefined) => name !== undefined && /^(id|\w+Id)$/.test(name)
/** Fields named like ids that hold free text or another system's identifiers. */
const NOT_OUR_IDS = new Set(['entityId', 'actorUserId'])

type Schema = Record<string, unknown>

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A bounded copy of one schema; shared schema objects (also used for responses) stay as written. */
export function boundSchema(schema: Schema, part: Part, name?: string): Schema {
  const copy: Schema = { ...schema }
  const types = ([] as unknown[]).concat(schema.type ?? [])
  const free = schema.enum === undefined && schema.const === undefined
  if (types.includes('string') && free) {
    if (isIdName(name) && !NOT_OUR_IDS.has(name ?? '') && !schema.pattern && !schema.format)
      copy.pattern = ID_PATTERN
    copy.maxLength ??= DEFAULT_MAX_LENGTH[part]
  }
  if (types.includes('integer') && free) {
    if (schema.minimum === undefined && schema.exclusiveMinimum === undefined)
      copy.minimum = INT_MIN
    if (schema.maximum === undefined && schema.exclusiveMaximum === undefined)
      copy.maximum = INT_MAX
  } else if (types.includes('number') && free) {
    if (schema.minimum === undefined && schema.exclusiveMinimum === undefined)
      copy.minimum = -NUMBER_LIMIT
    if (schema.maximum === undefined && schema.exclusiveMaximum === undefined)
      copy.maximum = NUMBER_LIMIT
  }
  if (types.includes('array')) copy.maxItems ??= DEFAULT_MAX_ITEMS
  if (isSchema(schema.properties)) {
    copy.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, child]) => [
        key,
        isSchema(child) ? boundSchema(child, part, key) : child,
      ]),
    )
  }
  if (isSchema(schema.items)) copy.items = boundSchema(schema.items, part, singular(name))
  if (isSchema(schema.additionalProperties))
    copy.additionalProperties = boundSchema(schema.additionalProperties, part)
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[key]
    if (Array.isArray(branches))
      copy[key] = branches.map((b: unknown) => (isSchema(b) ? boundSchema(b, part, name) : b))
  }
  return copy
}

/** `productIds` holds product ids. */
const singular = (name: string | undefined) => name?.replace(/Ids$/, 'Id')

/** An onRoute hook: bounds the request parts of the route's schema before it is compiled. */
export function boundRouteSchemas(route: RouteOptions): void {
  const schema = route.schema as Record<string, unknown> | undefined
  if (!schema) return
  for (const part of ['params', 'querystring', 'body', 'headers'] as const) {
    const partSchema = schema[part]
    if (isSchema(partSchema)) schema[part] = boundSchema(partSchema, part)
  }
}

// C0 controls and DEL, except tab, line feed and carriage return, which text areas send.
// PostgreSQL refuses NUL in text outright; none of them belongs in anything a person types.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ // eslint-disable-line no-control-regex

/**
 * The path (`items/0/name`) of the first string holding a control character, or null. Walks with
 * its own stack: a body of 5,000 nested arrays is valid JSON and must not overflow the call stack.
 */
export function findControlCharacter(value: unknown): string | null {
  const pending: [unknown, string][] = [[value, '']]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, path] = next
    if (typeof item === 'string') {
      if (CONTROL.test(item)) return path
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push([item[i], join(path, String(i))])
    } else if (isSchema(item)) {
      const entries = Object.entries(item).reverse()
      for (const [key, child] of entries) {
        if (CONTROL.test(key)) return join(path, key)
        pending.push([child, join(path, key)])
      }
    }
  }
  return null
}

const join = (path: string, key: string) => (path ? `${path}/${key}` : key)

/** A preValidation hook: refuses control characters in the path, the query or a JSON body. */
export async function refuseControlCharacters(request: FastifyRequest): Promise<void> {
  const parts: [string, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ]
  for (const [part, value] of parts) {
    // Uploads (multipart, Buffers) are bytes, not text; only parsed text is checked.
    if (Buffer.isBuffer(value)) continue
    const found = findControlCharacter(value)
    if (found === null) continue
    const field = found || part
    const message = {
      en: 'must not contain control characters (such as NUL)',
      zh: '不能包含控制字符（如 NUL）',
    }
    const error: FieldError = { field, message }
    throw new AppError(
      'invalid',
      { en: `${field}: ${message.en}`, zh: `${field}：${message.zh}` },
      [error],
    )
  }
}
