import type { FormInstance } from 'antd'
import { isApiError } from './api-error'

/**
 * Shows the server's field errors next to the matching form fields.
 * `memberships/0/role` becomes the antd name path ['memberships', 0, 'role'].
 * Returns whether any field error was shown, so callers know if a toast is still needed.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.fieldErrors.length === 0) return false
  const known = error.fieldErrors.filter((fieldError) => fieldError.field !== '')
  form.setFields(
    known.map((fieldError) => ({
      name: fieldError.field.split('/').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: [fieldError.message],
    })),
  )
  return known.length > 0
}
