// Typed junk for every operation of an OpenAPI document: for each operation, one request that
// fits its schema as well as a guess can, then that request with each parameter and each body
// field replaced in turn by values a hostile or broken client sends (issue 12's fuzz test).

export interface OpenApiSchema {
  type?: string | string[]
  properties?: Record<string, OpenApiSchema>
  required?: string[]
  items?: OpenApiSchema
  enum?: unknown[]
  const?: unknown
  pattern?: string
  format?: string
  minimum?: number
  minLength?: number
  anyOf?: OpenApiSchema[]
  oneOf?: OpenApiSchema[]
  allOf?: OpenApiSchema[]
  default?: unknown
}

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: OpenApiSchema
}

interface Operation {
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> }
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
}

export interface JunkRequest {
  method: string
  /** The operation's path template, for reporting. */
  operation: string
  url: string
  /** Raw JSON text, so that values JSON cannot carry from an object (1e309) can be sent too. */
  body?: string
  contentType?: string
  /** What was broken, for reporting. */
  what: string
}

const A_UUID = '0190b3c4-5d6e-7f80-9a1b-2c3d4e5f6071'
const MEGABYTE = 'x'.repeat(1024 * 1024)

/** Values to put where a JSON value is expected (wrong types, extremes, poison strings). */
const BODY_JUNK: [string, string][] = [
  ['a string', '"abc"'],
  ['a number', '12'],
  ['true', 'true'],
  ['null', 'null'],
  ['an array', '[1,"a",null]'],
  ['an object', '{"a":{"b":1}}'],
  ['negative', '-1'],
  ['a fraction', '0.5'],
  ['past 2^64', '99999999999999999999'],
  ['minus past 2^64', '-99999999999999999999'],
  ['1e309', '1e309'],
  ['a 1 MB string', JSON.stringify(MEGABYTE)],
  ['NUL', JSON.stringify('\u0000')],
  ['NUL inside', JSON.stringify('a\u0000b')],
  ['controls', JSON.stringify('\u0001\u001b[31m\u007f')],
  ['a lone surrogate', '"\\ud800"'],
  ['emoji and rare Han', JSON.stringify('𠀀😀五台')],
  ['SQL', JSON.stringify("' OR 1=1; DROP TABLE app_user; --")],
  ['an empty string', '""'],
  ['a long id', JSON.stringify('0'.repeat(5000))],
]

/** Values to put in the query string or a path segment, already as they go on the wire. */
const TEXT_JUNK: [string, string][] = [
  ['letters', 'abc'],
  ['negative', '-1'],
  ['zero', '0'],
  ['a fraction', '0.5'],
  ['past 2^64', '99999999999999999999'],
  ['1e309', '1e309'],
  ['NaN', 'NaN'],
  ['%00', '%00'],
  ['NUL inside', 'a%00b'],
  ['controls', '%01%1B%7F'],
  ['broken %-encoding', '%E0%A4%A'],
  ['a lone %', '%'],
  ['an overlong UTF-8', '%C0%AF'],
  ['a 10 KB value', 'y'.repeat(10 * 1024)],
  ['rare Han', encodeURIComponent('𠀀五台')],
  ['SQL', encodeURIComponent("' OR 1=1 --")],
  ['an empty value', ''],
  ['a path escape', '..%2F..%2Fetc%2Fpasswd'],
]

/** Whole bodies that are not what any operation takes. */
const WHOLE_BODY_JUNK: [string, string, string][] = [
  ['not JSON', '{"a":', 'application/json'],
  ['a JSON array', '[]', 'application/json'],
  ['a JSON string', '"x"', 'application/json'],
  ['JSON null', 'null', 'application/json'],
  ['a 1 MB key', `{${JSON.stringify(MEGABYTE)}:1}`, 'application/json'],
  ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json'],
  ['form encoded', 'a=1&b=2', 'application/x-www-form-urlencoded'],
  ['plain text', 'hello', 'text/plain'],
]

const firstOf = (schema: OpenApiSchema): OpenApiSchema =>
  schema.anyOf?.find((s) => s.type !== 'null') ??
  schema.oneOf?.find((s) => s.type !== 'null') ??
  schema.allOf?.[0] ??
  schema

/** A value that fits the schema as far as a guess can: the fuzzing starts from a plausible request. */
export function plausible(schema: OpenApiSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null
  const s = firstOf(schema)
  if (s.const !== undefined) return s.const
  if (s.enum) return s.enum[0]
  if (s.default !== undefined) return s.default
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type
  switch (type) {
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1)
    case 'boolean':
      return true
    case 'array':
      return [plausible(s.items, depth + 1)]
    case 'object': {
      const value: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(s.properties ?? {}))
        value[key] = plausible(child, depth + 1)
      return value
    }
    case 'string':
      return plausibleString(s)
    default:
      return 'x'
  }
}

function plausibleString(s: OpenApiSchema): string {
  if (s.format === 'date-time') return '2026-01-15T08:00:00.000Z'
  if (s.format === 'date') return '2026-01-15'
  if (s.format === 'email') return 'a@example.com'
  if (s.format === 'uri') return 'https://example.com/'
  if (s.pattern?.includes('[0-9a-fA-F]{8}')) return A_UUID
  if (s.pattern) return samplePattern(s.pattern)
  return 'x'.repeat(Math.max(1, s.minLength ?? 1))
}

/** A few patterns recur (phones, codes, months); others get a digit string and may be refused. */
function samplePattern(pattern: string): string {
  if (pattern.includes('1[3-9]')) return '13800138000'
  if (/\\d\{4\}-/.test(pattern)) return '2026-01'
  if (pattern.includes('\\d{12}')) return '110101001001'
  return '1'
}

const encode = (value: unknown) => encodeURIComponent(String(value))

/** Every junk request for one operation: each parameter and body field broken in turn. */
export function junkRequests(method: string, path: string, operation: Operation): JunkRequest[] {
  const params = operation.parameters ?? []
  const pathValues = new Map<string, string>()
  const queryValues = new Map<string, string>()
  for (const p of params) {
    const value = encode(plausible(p.schema))
    if (p.in === 'path') pathValues.set(p.name, value)
    else if (p.in === 'query' && p.required) queryValues.set(p.name, value)
  }
  const bodySchema = Object.entries(operation.requestBody?.content ?? {}).find(([type]) =>
    type.includes('json'),
  )?.[1].schema
  const baseBody = bodySchema ? plausible(bodySchema) : undefined

  const build = (
    what: string,
    paths: Map<string, string>,
    query: Map<string, string>,
    body?: string,
    contentType?: string,
  ): JunkRequest => {
    const url =
      path.replace(/\{(\w+)\}/g, (_, name: string) => paths.get(name) ?? 'x') +
      (query.size > 0 ? `?${[...query].map(([k, v]) => `${k}=${v}`).join('&')}` : '')
    const json = body ?? (baseBody === undefined ? undefined : JSON.stringify(baseBody))
    return {
      method: method.toUpperCase(),
      operation: `${method.toUpperCase()} ${path}`,
      url,
      ...(json === undefined ? {} : { body: json, contentType: contentType ?? 'application/json' }),
      what,
    }
  }

  const requests: JunkRequest[] = [build('plausible', pathValues, queryValues)]
  for (const p of params) {
    if (p.in !== 'path' && p.in !== 'query') continue
    for (const [label, junk] of TEXT_JUNK) {
      const paths = new Map(pathValues)
      const query = new Map(queryValues)
      if (p.in === 'path') {
        // An empty segment is another route (or none); a path escape is the router's business.
        if (junk === '') continue
        paths.set(p.name, junk)
      } else query.set(p.name, junk)
      requests.push(build(`${p.in} ${p.name}: ${label}`, paths, query))
    }
  }
  if (bodySchema) {
    const fields = Object.keys(firstOf(bodySchema).properties ?? {})
    for (const field of fields) {
      for (const [label, junk] of BODY_JUNK) {
        const base = JSON.stringify({ ...(baseBody as object), [field]: '\u0001' })
        const body = base.replace('"\\u0001"', junk)
        requests.push(build(`body ${field}: ${label}`, pathValues, queryValues, body))
      }
    }
    for (const [label, body, type] of WHOLE_BODY_JUNK)
      requests.push(build(`body: ${label}`, pathValues, queryValues, body, type))
  }
  return requests
}

/** Every junk request for a whole document, in a stable order. */
export function junkForDocument(document: OpenApiDocument): JunkRequest[] {
  const requests: JunkRequest[] = []
  for (const [path, operations] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(operations))
      requests.push(...junkRequests(method, path, operation))
  return requests
}
