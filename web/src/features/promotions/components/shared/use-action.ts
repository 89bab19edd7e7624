import { App } from 'antd'
import { errorMessage } from '../../../../lib/error-message'
import { useI18n } from '../../../../lib/i18n'

/** Runs a state change, says how it went, and reloads the list once it succeeded. */
export function useAction(reload: () => void) {
  const { t } = useI18n()
  const { message } = App.useApp()
  return async (change: () => Promise<unknown>) => {
    try {
      await change()
      void message.success(t('promotions.done'))
      reload()
    } catch (error) {
      void message.error(errorMessage(error, t))
    }
  }
}
