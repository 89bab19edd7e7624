import { useCallback, useEffect, useState } from 'react'

export interface RequestState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
}

/**
 * Runs `load` whenever `key` changes and keeps the last answer while the next one loads,
 * so tables do not flash empty between pages. Stale answers are dropped via AbortSignal.
 */
export function useRequest<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
): RequestState<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    setLoading(true)
    load(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return
        setData(result)
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
    // `load` is recreated every render; `key` says when its inputs changed.
  }, [key, version])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, error, loading, reload }
}
