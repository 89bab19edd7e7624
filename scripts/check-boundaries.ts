// The module boundaries of docs/architecture.md, checked (issue 13): each table is named in
// queries only by its owner (src/db/table-owners.ts), and no import cycle runs between folders.
// (That folders are entered through their index.ts is ESLint's: eslint-rules/index-only-imports.js.)
// `npm run lint` runs it; `--report` prints the counts without failing, for before/after figures.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { tableOwners } from '../src/db/table-owners.js'
import { codeOf, cycles, importsOf, tablesNamedIn } from './boundary-checks.js'

const root = resolve(import.meta.dirname, '..')
const src = join(root, 'src')
const reportOnly = process.argv.includes('--report')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return name.endsWith('.ts') ? [path] : []
  })
}

/** `modules/commerce` for src/modules/commerce/orders/checkout.ts; undefined outside modules. */
function moduleOf(file: string): string | undefined {
  const [layer, name] = relative(src, file).split(sep)
  return (layer === 'modules' || layer === 'platform') && name?.includes('.') === false
    ? `${layer}/${name}`
    : undefined
}

const files = sourceFiles(src).filter((f) => !relative(src, f).startsWith('routing'))
const foreignReads: string[] = []
const foreignReadsInTests: string[] = []
const folderGraph = new Map<string, Set<string>>()
/** Tests, their support files and src/test may cross folders freely; they are not in the graph. */
const isTest = (file: string) =>
  /\.test\.ts$|test-support\.ts$/.test(file) || relative(src, file).startsWith(`test${sep}`)

for (const file of files) {
  const text = readFileSync(file, 'utf8')
  const owner = moduleOf(file)
  const name = relative(root, file)
  if (owner !== undefined) {
    for (const { table, line } of tablesNamedIn(codeOf(text))) {
      if (tableOwners[table] === owner) continue
      const entry = `${name}:${line} names ${table} (owned by ${tableOwners[table]})`
      ;(isTest(file) ? foreignReadsInTests : foreignReads).push(entry)
    }
  }
  const folder = relative(src, dirname(file))
  for (const { target, typeOnly } of importsOf(file, text)) {
    const targetFolder = relative(src, dirname(target))
    if (targetFolder === folder) continue
    if (!isTest(file) && !typeOnly) {
      const edges = folderGraph.get(folder) ?? new Set<string>()
      edges.add(targetFolder)
      folderGraph.set(folder, edges)
    }
  }
}

const folderCycles = cycles(folderGraph)
console.log(
  `boundaries: ${foreignReads.length} queries name another module's table ` +
    `(${foreignReadsInTests.length} more in tests), ${folderCycles.length} folder import cycles`,
)
if (reportOnly || process.argv.includes('--list')) {
  for (const line of [...foreignReads, ...foreignReadsInTests]) console.log('  ' + line)
  for (const cycle of folderCycles) console.log('  cycle: ' + cycle.join(' ↔ '))
}
// Tests are held to it too: they read other modules' tables through src/test/inspect.ts.
const failures = [...foreignReads, ...foreignReadsInTests]
if (!reportOnly && (failures.length > 0 || folderCycles.length > 0)) {
  for (const line of failures) console.error('  ' + line)
  for (const cycle of folderCycles) console.error('  folder cycle: ' + cycle.join(' ↔ '))
  process.exit(1)
}
