import { useSearchParams } from 'react-router-dom'

export const DEFAULT_PAGE_SIZE = 20
const MAX_PAGE_SIZE = 100 // the API's limit

export interface ListParams<F extends string> {
  page: number
  pageSize: number
  filters: Record<F, string | undefined>
  /** Changing a filter returns to page 1: the old page number means nothing in the new list. */
  setFilter: (name: F, value: string | undefined) => void
  /** Several filters in one URL update; separate updates in one tick would overwrite each other. */
  setFilters: (values: Partial<Record<F, string | undefined>>) => void
  setPage: (page: number, pageSize: number) => void
}

function positiveInt(raw: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(raw)
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback
}

/** Paging and filters of a list page, kept in the URL so a filtered list can be linked and reloaded. */
export function useListParams<F extends string>(filterNames: readonly F[]): ListParams<F> {
  const [params, setParams] = useSearchParams()
  const filters = Object.fromEntries(
    filterNames.map((name) => [name, params.get(name) ?? undefined]),
  ) as Record<F, string | undefined>

  function setFilters(values: Partial<Record<F, string | undefined>>) {
    setParams((current) => {
      const next = new URLSearchParams(current)
      for (const [name, value] of Object.entries(values) as [F, string | undefined][]) {
        if (value) next.set(name, value)
        else next.delete(name)
      }
      next.delete('page')
      return next
    })
  }

  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    filters,
    setFilter: (name, value) =>
      setFilters({ [name]: value } as Partial<Record<F, string | undefined>>),
    setFilters,
    setPage: (page, pageSize) =>
      setParams((current) => {
        const next = new URLSearchParams(current)
        next.set('page', String(page))
        next.set('pageSize', String(pageSize))
        return next
      }),
  }
}
