// Reading providers' JSON without trusting its shape: each reader answers undefined for a
// missing or mistyped field, and the caller decides whether that is an error.

export type JsonObject = Record<string, unknown>

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Parses JSON text into an object, or undefined if it is not a JSON object. */
export function parseJsonObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isJsonObject(value) ? value : undefined
  } catch {
    return undefined
  }
}

export const objectField = (object: JsonObject, key: string): JsonObject | undefined => {
  const value = object[key]
  return isJsonObject(value) ? value : undefined
}

export const stringField = (object: JsonObject | undefined, key: string): string | undefined => {
  const value = object?.[key]
  return typeof value === 'string' ? value : undefined
}

export const integerField = (object: JsonObject | undefined, key: string): number | undefined => {
  const value = object?.[key]
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined
}
