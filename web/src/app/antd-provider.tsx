import { App as AntdApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import type { ReactNode } from 'react'
import { useI18n } from '../lib/i18n'

// People who ask their system for less motion get no zooming modals or sliding menus.
const prefersReducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches

/** Ant Design follows the UI language: its own texts, and month names in date pickers. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { language } = useI18n()
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn')
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={{
        token: { colorPrimary: '#2f7d32', motion: !prefersReducedMotion },
        components: { Menu: { itemSelectedBg: '#e6f2e6' } },
      }}
      // No space inside two-character Chinese buttons (“登 录”): labels stay as written, for people and tests.
      button={{ autoInsertSpace: false }}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  )
}
