import { useEffect, useState } from 'react'
import type { Plan } from '../../../lib/api-types'
import { getPlan } from './plans'

const POLL_MS = 500

/** Loads a plan and, while the planner is still working, asks again until it is done. */
export function usePlan(id: string | undefined) {
  const [plan, setPlan] = useState<Plan>()
  const [error, setError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () => {
      getPlan(id, controller.signal).then(
        (next) => {
          setPlan(next)
          setError(null)
          if (next.status === 'planning') timer = setTimeout(load, POLL_MS)
        },
        (caught: unknown) => {
          if (!controller.signal.aborted) setError(caught)
        },
      )
    }
    load()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [id, version])

  return {
    plan: plan?.id === id ? plan : undefined,
    error,
    reload: () => setVersion((n) => n + 1),
    replace: setPlan,
  }
}
