import { RouterProvider } from 'react-router-dom'
import { I18nProvider } from '../lib/i18n'
import { AntdProvider } from './antd-provider'
import { router } from './router'

export function App() {
  return (
    <I18nProvider>
      <AntdProvider>
        <RouterProvider router={router} />
      </AntdProvider>
    </I18nProvider>
  )
}
