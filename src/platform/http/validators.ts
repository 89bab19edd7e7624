import { Ajv, type Options } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'
import type { FieldError } from '../../shared/errors.js'
import { translateValidationErrors } from './validation-messages.js'

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

const shared: Options = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
}

// Query strings and path parameters arrive as text and are coerced ("2" → 2); JSON bodies are
// not, so `"age": "7"` where a number is wanted is an error, as a client would expect.
const bodyAjv = addFormats(new Ajv({ ...shared, coerceTypes: false }))
const textAjv = addFormats(new Ajv({ ...shared, coerceTypes: 'array' }))

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv
  return ajv.compile(schema as object)
}

/**
 * Validates one value against a schema the way a JSON body is validated, returning field
 * errors instead of throwing: for batches (manifest rows) where each item passes or fails alone.
 */
export function compileItemValidator(schema: object): (value: unknown) => FieldError[] {
  const validate = bodyAjv.compile(schema)
  return (value) =>
    validate(value) ? [] : translateValidationErrors(validate.errors ?? [], 'body')
}
