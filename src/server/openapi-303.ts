// Our schemas are JSON Schema draft 7 (what the validator runs); OpenAPI 3.0.3 takes a dialect of
// draft 4, where an exclusive bound is `minimum` plus a boolean flag. The published document is
// translated here, so the API validates as the version it declares (checked in openapi.test.ts).

type Json = unknown

/** A copy of the document with every numeric exclusive bound written the OpenAPI 3.0 way. */
export function toOpenApi303<T>(document: T): T {
  return translate(document) as T
}

function translate(node: Json): Json {
  if (Array.isArray(node)) return node.map(translate)
  if (typeof node !== 'object' || node === null) return node
  const copy: Record<string, Json> = {}
  for (const [key, value] of Object.entries(node)) copy[key] = translate(value)
  if (typeof copy.exclusiveMinimum === 'number') {
    copy.minimum = copy.exclusiveMinimum
    copy.exclusiveMinimum = true
  }
  if (typeof copy.exclusiveMaximum === 'number') {
    copy.maximum = copy.exclusiveMaximum
    copy.exclusiveMaximum = true
  }
  return copy
}
