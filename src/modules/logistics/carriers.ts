import { Type, type Static } from 'typebox'
import type { Db } from '../../db/database.js'
import { organizationsOf } from '../../platform/accounts/index.js'
import type { Scope } from '../../platform/access/index.js'

export const CarrierOption = Type.Object({ id: Type.String(), name: Type.String() })
export type CarrierOption = Static<typeof CarrierOption>

/**
 * The alliance's active carriers, names and ids only, for filters and hand-over. A carrier's
 * people see their own company; everyone else who reads parcels (the hub, drivers, station
 * masters, the county) sees every member, since their parcels come from all of them.
 */
export async function listAllianceCarriers(db: Db, scope: Scope): Promise<CarrierOption[]> {
  const active = async (ids?: readonly string[]) =>
    (await organizationsOf(db, { type: 'carrier', status: 'active', ids })).map(({ id, name }) => ({
      id,
      name,
    }))
  if (scope.county) return active()
  const own = await active([...scope.organizationIds])
  return own.length > 0 ? own : active()
}
