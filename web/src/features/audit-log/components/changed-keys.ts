import type { AuditSnapshot } from '../../../lib/api-types'

/**
 * Top-level keys whose values differ between two snapshots (compared as JSON).
 * With only one side (a creation or a deletion) nothing is "changed": there is nothing to compare.
 */
export function changedKeys(
  before: AuditSnapshot | null,
  after: AuditSnapshot | null,
): Set<string> {
  if (!before || !after) return new Set()
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return new Set(
    [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])),
  )
}
