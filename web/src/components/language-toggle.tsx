import { Button } from 'antd'
import { useI18n } from '../lib/i18n'

export function LanguageToggle() {
  const { t, language, setLanguage } = useI18n()
  return (
    <Button
      type="text"
      size="small"
      lang={language === 'en' ? 'zh-CN' : 'en'}
      onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
    >
      {t('header.switchLanguage')}
    </Button>
  )
}
