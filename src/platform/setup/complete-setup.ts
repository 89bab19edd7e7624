import type { Db } from '../../db/database.js'
import { AppError, type FieldError } from '../../shared/errors.js'
import { createFirstAccounts, findUserByUsername, hashPassword } from '../accounts/index.js'
import { recordAudit } from '../audit/index.js'
import { insertCountySettings } from '../county/index.js'
import { countyCodeProblem, loadDivisions } from '../geography/index.js'
import type { Actor } from '../http/index.js'
import type { SetupDone, SetupInput } from './schema.js'
import { claimSetup } from './setup-token.js'

// Setup itself, for the /setup page and `npm run setup` alike: the county settings, the county's
// division row, the bureau and operating company, and the first system administrator, in one
// transaction. Texts and KPI targets start neutral; the operator edits them under 县域设置.

/** The field errors of a setup form (the schema has checked shapes and lengths already). */
export function setupFieldErrors(input: SetupInput): FieldError[] {
  const errors: FieldError[] = []
  const codeProblem = countyCodeProblem(input.countyCode)
  if (codeProblem) errors.push({ field: 'countyCode', message: codeProblem })
  for (const field of ['countyName', 'bureauName', 'companyName', 'adminDisplayName'] as const) {
    if (input[field].trim().length === 0)
      errors.push({ field, message: { en: 'Fill this in', zh: '请填写' } })
  }
  if (input.adminPassword !== input.adminPasswordRepeat)
    errors.push({
      field: 'adminPasswordRepeat',
      message: { en: 'The two passwords differ', zh: '两次输入的密码不一致' },
    })
  return errors
}

/** Runs setup; `token` null from the terminal. Throws gone once setup is done. */
export async function completeSetup(
  db: Db,
  actor: Actor,
  token: string | null,
  input: SetupInput,
): Promise<SetupDone> {
  const errors = setupFieldErrors(input)
  if (errors.length > 0)
    throw new AppError(
      'invalid',
      { en: 'Some fields need attention', zh: '部分字段需要修改' },
      errors,
    )
  // scrypt before the transaction: it takes a while and holds no lock.
  const passwordHash = await hashPassword(input.adminPassword)
  actor.claimed ??= { userId: null, name: 'setup' }
  return db.transaction().execute(async (trx) => {
    await claimSetup(trx, token)
    if (await findUserByUsername(trx, input.adminUsername.toLowerCase()))
      throw new AppError('conflict', { en: 'This username is taken', zh: '用户名已被使用' }, [
        {
          field: 'adminUsername',
          message: { en: 'This username is taken', zh: '用户名已被使用' },
        },
      ])
    const countyName = input.countyName.trim()
    await loadDivisions(trx, [
      {
        code: input.countyCode,
        name: countyName,
        shortName: countyName,
        level: 'county',
        parentCode: null,
        lat: null,
        lon: null,
        coordinateNote: null,
        scenicArea: false,
      },
    ])
    const settings = {
      code: input.countyCode,
      name: countyName,
      smsSignature: countyName,
      brandName: countyName,
      kpiTargets: [],
    }
    await insertCountySettings(trx, settings)
    const accounts = await createFirstAccounts(trx, actor, {
      countyCode: input.countyCode,
      bureauName: input.bureauName,
      companyName: input.companyName,
      admin: {
        username: input.adminUsername,
        displayName: input.adminDisplayName,
        phone: input.adminPhone,
        passwordHash,
      },
    })
    await recordAudit(trx, actor, {
      action: 'county.setup',
      entityType: 'county',
      entityId: input.countyCode,
      organizationId: accounts.companyId,
      after: { ...settings, bureauId: accounts.bureauId, companyId: accounts.companyId },
    })
    return { countyCode: input.countyCode, adminUsername: input.adminUsername.toLowerCase() }
  })
}
