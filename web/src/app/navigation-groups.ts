import type { MessageKey } from '../lib/i18n'
import type { NavigationEntry, NavigationKey } from './navigation'

// The side menu's headings. An operator sees some thirty pages; under a heading per part of the
// program they are found at a glance. A heading shows only over two or more pages the user may
// open — a driver's two pages need none.

interface NavigationGroup {
  label: MessageKey
  members: readonly NavigationKey[]
}

const GROUPS: readonly NavigationGroup[] = [
  {
    label: 'navGroup.system',
    members: ['users', 'organizations', 'apiTokens', 'countySettings', 'auditLog'],
  },
  {
    label: 'navGroup.logistics',
    members: [
      'parcels',
      'hubScanning',
      'manifests',
      'dispatch',
      'promise',
      'uplink',
      'network',
      'fleet',
      'statements',
    ],
  },
  { label: 'navGroup.stores', members: ['pickups', 'pos'] },
  {
    label: 'navGroup.commerce',
    members: [
      'shopReview',
      'myShop',
      'products',
      'stock',
      'orders',
      'afterSales',
      'afterSalesReview',
      'complaints',
      'localShare',
      'payouts',
      'reconciliation',
    ],
  },
  {
    label: 'navGroup.promotions',
    members: ['flashSales', 'teamBuys', 'bargains', 'bulkBuys', 'promotionEvents'],
  },
  { label: 'navGroup.basics', members: ['smsLog', 'geography'] },
]

export type MenuSection =
  | { kind: 'entry'; entry: NavigationEntry }
  | { kind: 'group'; label: MessageKey; entries: NavigationEntry[] }

/** The allowed entries in menu order, runs of one group's pages gathered under its heading. */
export function menuSections(entries: readonly NavigationEntry[]): MenuSection[] {
  const sections: MenuSection[] = []
  for (const entry of entries) {
    const group = GROUPS.find((candidate) => candidate.members.includes(entry.key))
    const last = sections.at(-1)
    if (group && last?.kind === 'group' && last.label === group.label) last.entries.push(entry)
    else if (group) sections.push({ kind: 'group', label: group.label, entries: [entry] })
    else sections.push({ kind: 'entry', entry })
  }
  return sections.flatMap((section) =>
    section.kind === 'group' && section.entries.length < 2
      ? section.entries.map((entry) => ({ kind: 'entry' as const, entry }))
      : [section],
  )
}
