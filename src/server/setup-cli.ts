import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { Type } from 'typebox'
import { createDb } from '../db/create-db.js'
import { migrateToLatest } from '../db/migrate.js'
import { compileItemValidator, systemActor } from '../platform/http/index.js'
import {
  completeSetup,
  isSetupRequired,
  SetupFields,
  setupFieldErrors,
  type SetupInput,
} from '../platform/setup/index.js'
import { AppError } from '../shared/errors.js'
import { loadConfig } from './config.js'

// `npm run setup`: the /setup page on the terminal, for a county that runs headless (issue 15).
// Asks for what the flags leave out; with every flag (and the password in SETUP_ADMIN_PASSWORD
// or --admin-password) it asks nothing, for scripts:
//   npm run setup -- --county-code 141023 --county-name 襄汾县 --bureau-name … --company-name … \
//     --admin-username admin --admin-display-name 管理员 --admin-phone 13800000000

const FIELDS: { key: keyof SetupInput; flag: string; prompt: string; secret?: boolean }[] = [
  {
    key: 'countyCode',
    flag: 'county-code',
    prompt: '县级行政区划代码 County code (GB/T 2260, 6 digits)',
  },
  { key: 'countyName', flag: 'county-name', prompt: '县名称 County name' },
  { key: 'bureauName', flag: 'bureau-name', prompt: '商务局名称 Bureau name' },
  { key: 'companyName', flag: 'company-name', prompt: '运营公司名称 Operating company name' },
  { key: 'adminUsername', flag: 'admin-username', prompt: '管理员用户名 Administrator username' },
  { key: 'adminDisplayName', flag: 'admin-display-name', prompt: '管理员姓名 Administrator name' },
  { key: 'adminPhone', flag: 'admin-phone', prompt: '管理员手机 Administrator phone' },
  {
    key: 'adminPassword',
    flag: 'admin-password',
    prompt: '密码 Password (8+ characters)',
    secret: true,
  },
  {
    key: 'adminPasswordRepeat',
    flag: 'admin-password-repeat',
    prompt: '再次输入密码 Password again',
    secret: true,
  },
]

const { values } = parseArgs({
  options: Object.fromEntries(FIELDS.map((f) => [f.flag, { type: 'string' as const }])),
})
const given = values as Record<string, string | undefined>
given['admin-password'] ??= process.env.SETUP_ADMIN_PASSWORD
if (given['admin-password'] !== undefined)
  given['admin-password-repeat'] ??= given['admin-password']

const validate = compileItemValidator(Type.Object(SetupFields, { additionalProperties: false }))
const config = loadConfig()
const { db } = createDb(config.databaseUrl)
const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
try {
  await migrateToLatest(db)
  if (!(await isSetupRequired(db))) {
    console.error('This installation is already set up. 系统已完成初始设置。')
    process.exitCode = 1
  } else {
    const input: Record<string, string> = {}
    for (const field of FIELDS) input[field.key] = given[field.flag] ?? (await ask(field))
    const problems = [...validate(input), ...setupFieldErrors(input as SetupInput)]
    if (problems.length > 0) fail(problems)
    else {
      const done = await completeSetup(db, systemActor('setup-cli'), null, input as SetupInput)
      console.log(
        `Set up: county ${done.countyCode}; sign in as ${done.adminUsername}. 初始设置完成，请以 ${done.adminUsername} 登录。`,
      )
    }
  }
} catch (error) {
  if (error instanceof AppError) fail(error.fieldErrors, `${error.detail.zh} ${error.detail.en}`)
  else throw error
} finally {
  terminal.close()
  await db.destroy()
}

async function ask(field: (typeof FIELDS)[number]): Promise<string> {
  if (!field.secret) return (await terminal.question(`${field.prompt}: `)).trim()
  // Hide what is typed: the prompt is written once, the echo of each key is swallowed.
  const output = process.stdout
  const write = output.write.bind(output)
  process.stdout.write(`${field.prompt}: `)
  output.write = () => true
  try {
    return await terminal.question('')
  } finally {
    output.write = write
    write('\n')
  }
}

function fail(problems: { field: string; message: { en: string; zh: string } }[], title?: string) {
  if (title) console.error(title)
  for (const p of problems) {
    const flag = FIELDS.find((f) => f.key === p.field.replace(/^body\//, ''))?.flag ?? p.field
    console.error(`  --${flag}: ${p.message.zh} ${p.message.en}`)
  }
  process.exitCode = 1
}
