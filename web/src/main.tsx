import { StrictMode, type ComponentType } from 'react'
import { createRoot } from 'react-dom/client'

const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')

// The H5 shop (/h5/*) is a separate app in the same build: buyers on a phone download React, the
// router and the shop's own small chunks, never the console's antd and echarts.
const isShop = window.location.pathname === '/h5' || window.location.pathname.startsWith('/h5/')
const loadApp: Promise<ComponentType> = isShop
  ? import('./shop/shop-app').then((m) => m.ShopApp)
  : import('./app/app').then((m) => m.App)

void loadApp.then((App) => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
})
