import { useEffect, useState } from 'react'
import type { Page } from '../lib/api-types'

export interface LoadMore<T> {
  items: T[]
  total: number
  loading: boolean
  error: unknown
  hasMore: boolean
  loadMore: () => void
}

/**
 * Server-side pages shown as one growing list ("加载更多"): each call fetches only the next page.
 * A new `key` (another search) starts again from page 1.
 */
export function useLoadMore<T>(
  load: (page: number, signal: AbortSignal) => Promise<Page<T>>,
  key: string,
): LoadMore<T> {
  const [shown, setShown] = useState<{ key: string; items: T[]; total: number }>({
    key,
    items: [],
    total: 0,
  })
  const [page, setPage] = useState({ key, number: 1 })
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const pageNumber = page.key === key ? page.number : 1

  useEffect(() => {
    const controller = new AbortController()
    setLoading(true)
    load(pageNumber, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return
        setShown((before) => ({
          key,
          items:
            pageNumber === 1 || before.key !== key
              ? result.items
              : [...before.items, ...result.items],
          total: result.total,
        }))
        setError(null)
        setLoading(false)
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return
        setError(reason)
        setLoading(false)
      },
    )
    return () => controller.abort()
    // `load` is recreated every render; `key` and the page say when its inputs changed.
  }, [key, pageNumber])

  const items = shown.key === key ? shown.items : []
  return {
    items,
    total: shown.total,
    loading,
    error,
    hasMore: !loading && items.length < shown.total,
    loadMore: () => setPage({ key, number: pageNumber + 1 }),
  }
}
