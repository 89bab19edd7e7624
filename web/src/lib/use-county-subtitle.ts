import { useCounty } from './county'
import { useI18n } from './i18n'

/** 「某某县农村电商管理平台」 with the configured county's name (issue 15). */
export function useCountySubtitle(): string {
  const { t } = useI18n()
  const county = useCounty()
  return county ? t('app.subtitleCounty', { county: county.name }) : t('app.subtitleGeneric')
}
