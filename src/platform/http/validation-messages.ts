import type { FastifySchemaValidationError } from 'fastify/types/schema.js'
import type { FieldError } from '../../shared/errors.js'

// Turns the JSON-schema validator's errors into one bilingual message per field.

const TYPE_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
}

type Params = Record<string, unknown>

function describe(keyword: string, params: Params): FieldError['message'] {
  const n = typeof params.limit === 'number' ? String(params.limit) : ''
  switch (keyword) {
    case 'required':
      return { en: 'is required', zh: '必填' }
    case 'type': {
      const type = String(params.type)
      return {
        en: `must be ${type}`,
        zh: `类型应为${type
          .split(',')
          .map((t) => TYPE_ZH[t] ?? t)
          .join('或')}`,
      }
    }
    case 'minLength':
      return { en: `must be at least ${n} characters`, zh: `长度不能少于 ${n} 个字符` }
    case 'maxLength':
      return { en: `must be at most ${n} characters`, zh: `长度不能超过 ${n} 个字符` }
    case 'minimum':
      return { en: `must be ≥ ${n}`, zh: `不能小于 ${n}` }
    case 'maximum':
      return { en: `must be ≤ ${n}`, zh: `不能大于 ${n}` }
    case 'exclusiveMinimum':
      return { en: `must be > ${n}`, zh: `必须大于 ${n}` }
    case 'exclusiveMaximum':
      return { en: `must be < ${n}`, zh: `必须小于 ${n}` }
    case 'minItems':
      return { en: `must have at least ${n} items`, zh: `至少需要 ${n} 项` }
    case 'maxItems':
      return { en: `must have at most ${n} items`, zh: `最多 ${n} 项` }
    case 'minProperties':
      return { en: `must have at least ${n} fields`, zh: `至少需要 ${n} 个字段` }
    case 'pattern':
    case 'format':
      return { en: 'has the wrong format', zh: '格式不正确' }
    case 'additionalProperties':
      return { en: 'is not an allowed field', zh: '不允许的字段' }
    case 'enum':
      return {
        en: `must be one of ${JSON.stringify(params.allowedValues)}`,
        zh: `取值应为 ${JSON.stringify(params.allowedValues)} 之一`,
      }
    default:
      return { en: 'is invalid', zh: '取值无效' }
  }
}

function fieldOf(error: FastifySchemaValidationError, context: string | undefined): string {
  const params = error.params as Params
  const path = error.instancePath.replace(/^\//, '')
  const child =
    error.keyword === 'required'
      ? params.missingProperty
      : error.keyword === 'additionalProperties'
        ? params.additionalProperty
        : undefined
  const field = [path, typeof child === 'string' ? child : ''].filter(Boolean).join('/')
  if (field) return field
  return context === 'body' ? 'body' : (context ?? 'request')
}

/**
 * One message per field. A union of literals (TypeBox's enums) fails as one `const` error per
 * branch plus an `anyOf`; those are folded into "must be one of …".
 */
export function translateValidationErrors(
  errors: FastifySchemaValidationError[],
  context: string | undefined,
): FieldError[] {
  const byField = new Map<string, FieldError>()
  const allowed = new Map<string, unknown[]>()
  for (const error of errors) {
    const field = fieldOf(error, context)
    const params = error.params as Params
    if (error.keyword === 'const') {
      allowed.set(field, [...(allowed.get(field) ?? []), params.allowedValue])
      continue
    }
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      const values = allowed.get(field)
      if (values && !byField.has(field))
        byField.set(field, { field, message: describe('enum', { allowedValues: values }) })
      continue
    }
    if (!byField.has(field)) byField.set(field, { field, message: describe(error.keyword, params) })
  }
  return [...byField.values()]
}
