import type { ReactNode } from 'react'
import { isApiError } from '../../lib/api-error'

export function Loading() {
  return (
    <p className="h5-muted h5-center" role="status">
      加载中…
    </p>
  )
}

/** The server's own words when it gave them (problem+json), a generic line otherwise. */
export function errorText(error: unknown): string {
  return isApiError(error) ? error.message : '出错了，请稍后再试'
}

export function ErrorNote({ error, children }: { error: unknown; children?: ReactNode }) {
  if (!error) return null
  return (
    <p className="h5-error" role="alert">
      {errorText(error)}
      {children}
    </p>
  )
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="h5-title">{children}</h1>
}
