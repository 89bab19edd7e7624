import { isApiError } from './api-error'
import type { Translate } from './i18n'

/** A sentence for any thrown value; ApiErrors already carry one in the UI language. */
export function errorMessage(error: unknown, t: Translate): string {
  if (isApiError(error)) return error.message
  return t('error.unexpected', { status: '?' })
}
