import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { getLanguage, storeLanguage, type Language } from './language'
import { translate, type Translate } from './translate'
import { I18nContext } from './use-i18n'

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(getLanguage)
  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next)
    setLanguageState(next)
  }, [])
  const value = useMemo(() => {
    const t: Translate = (key, params) => translate(language, key, params)
    return { language, setLanguage, t }
  }, [language, setLanguage])
  return <I18nContext value={value}>{children}</I18nContext>
}
