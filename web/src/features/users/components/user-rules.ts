import type { FormRule } from 'antd'
import { useI18n } from '../../../lib/i18n'
import { MIN_PASSWORD_LENGTH, PHONE_NUMBER } from '../../../lib/validation'

export function usePasswordRules(): FormRule[] {
  const { t } = useI18n()
  return [
    { required: true, message: t('common.required') },
    { min: MIN_PASSWORD_LENGTH, message: t('users.passwordTooShort') },
  ]
}

/** Optional unless the caller adds `required`. */
export function usePhoneRules(): FormRule[] {
  const { t } = useI18n()
  return [{ pattern: PHONE_NUMBER, message: t('common.phoneInvalid') }]
}
