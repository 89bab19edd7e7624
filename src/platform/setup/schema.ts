import { Type, type Static } from 'typebox'
import { Password, Username } from '../accounts/index.js'
import { PhoneNumber } from '../http/index.js'

// The first run of an installation without demo data (issue 15, PLAT).

/** One row, id 'setup': the hash of the link printed at start, and when setup was finished. */
export interface SetupStateTable {
  id: string
  token_hash: string | null
  issued_at: string | null
  completed_at: string | null
}

export interface SetupTables {
  setup_state: SetupStateTable
}

const Name = Type.String({ minLength: 2, maxLength: 100 })

/** The county, its bureau and operating company, and the first administrator. */
export const SetupFields = {
  countyCode: Type.String({ minLength: 1, maxLength: 6 }),
  countyName: Type.String({ minLength: 2, maxLength: 40 }),
  bureauName: Name,
  companyName: Name,
  adminUsername: Username,
  adminDisplayName: Type.String({ minLength: 1, maxLength: 50 }),
  adminPhone: PhoneNumber,
  adminPassword: Password,
  adminPasswordRepeat: Type.String({ maxLength: 128 }),
}

export const SetupBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 100 }), ...SetupFields },
  { additionalProperties: false },
)
export type SetupBody = Static<typeof SetupBody>
export type SetupInput = Omit<SetupBody, 'token'>

export const SetupTokenQuery = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 100 }),
})

export const SetupLinkState = Type.Object({ valid: Type.Boolean() })

export const SetupDone = Type.Object({
  countyCode: Type.String(),
  adminUsername: Type.String(),
})
export type SetupDone = Static<typeof SetupDone>
