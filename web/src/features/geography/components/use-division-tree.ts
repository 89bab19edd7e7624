import { useCallback, useEffect, useRef, useState } from 'react'
import type { Division } from '../../../lib/api-types'
import { getDivisions } from '../api/divisions'

export interface DivisionTreeState {
  roots: Division[]
  childrenOf: ReadonlyMap<string, Division[]>
  expandedKeys: string[]
  setExpandedKeys: (keys: string[]) => void
  loading: boolean
  error: unknown
  loadChildren: (code: string) => Promise<void>
  /** Loads and expands every ancestor of a division so it shows in the tree. */
  reveal: (division: Division) => Promise<void>
  /** Set after reveal, so the tree can scroll to it once rendered. */
  revealedCode: string | null
  byCode: (code: string) => Division | undefined
}

/** County → townships → villages, each level fetched the first time it is opened. */
export function useDivisionTree(): DivisionTreeState {
  const [roots, setRoots] = useState<Division[]>([])
  const [childrenOf, setChildrenOf] = useState<ReadonlyMap<string, Division[]>>(new Map())
  const [expandedKeys, setExpandedKeys] = useState<string[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const [revealedCode, setRevealedCode] = useState<string | null>(null)
  // The latest map, for async code that must not wait for a re-render.
  const loaded = useRef(new Map<string, Division[]>())
  const known = useRef(new Map<string, Division>())

  useEffect(() => {
    getDivisions()
      .then((divisions) => {
        divisions.forEach((division) => known.current.set(division.code, division))
        setRoots(divisions)
        setExpandedKeys(divisions.map((division) => division.code)) // the county opens by itself
        return Promise.all(divisions.map((division) => loadChildren(division.code)))
      })
      .catch(setError)
      .finally(() => setLoading(false))
    // Runs once: the tree's root never changes while the page is open.
  }, [])

  const loadChildren = useCallback(async (code: string) => {
    if (loaded.current.has(code)) return
    const children = await getDivisions(code)
    children.forEach((division) => known.current.set(division.code, division))
    loaded.current.set(code, children)
    setChildrenOf(new Map(loaded.current))
  }, [])

  const reveal = useCallback(
    async (division: Division) => {
      const ancestors: string[] = []
      for (
        let code = division.parentCode;
        code;
        code = known.current.get(code)?.parentCode ?? null
      ) {
        ancestors.unshift(code)
        if (!known.current.has(code)) break // above the loaded part: the root is always loaded
      }
      for (const code of ancestors) await loadChildren(code)
      setExpandedKeys((keys) => [...new Set([...keys, ...ancestors])])
      setRevealedCode(division.code)
    },
    [loadChildren],
  )

  const byCode = useCallback((code: string) => known.current.get(code), [])

  return {
    roots,
    childrenOf,
    expandedKeys,
    setExpandedKeys,
    loading,
    error,
    loadChildren,
    reveal,
    revealedCode,
    byCode,
  }
}
