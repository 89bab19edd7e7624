import type { FormInstance } from 'antd'
import { isApiError } from '../../../../lib/api-error'

/**
 * Shows the server's field errors beside the form's fields. The server names amounts in fen and
 * durations in seconds (`skus/0/salePriceFen`); `rename` maps such segments to the form's own
 * field names (`salePriceYuan`). Returns the messages of errors naming no field, for a toast.
 */
export function showServerFieldErrors(
  form: FormInstance,
  error: unknown,
  rename: Record<string, string> = {},
): boolean {
  if (!isApiError(error)) return false
  const named = error.fieldErrors.filter((fieldError) => fieldError.field !== '')
  form.setFields(
    named.map((fieldError) => ({
      name: fieldError.field
        .split('/')
        .map((part) => (/^\d+$/.test(part) ? Number(part) : (rename[part] ?? part))),
      errors: [fieldError.message],
    })),
  )
  return named.length > 0
}
