// The module boundaries of docs/architecture.md, checked (issue 13): each table is named in
// queries only by its owner (src/db/table-owners.ts), and no import cycle runs between folders.
// (That folders are entered through their index.ts is ESLint's: eslint-rules/index-only-imports.js.)
// `npm run lint` runs it; `--report` prints the counts without failing, for before/after figures.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'
import { tableOwners, type TableName } from '../src/db/table-owners.js'

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

/** Source without comments, so prose such as "read from parcel" is not taken for a query. */
function codeOf(text: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text)
  let code = ''
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const isComment =
      kind === ts.SyntaxKind.SingleLineCommentTrivia ||
      kind === ts.SyntaxKind.MultiLineCommentTrivia
    code += isComment ? ' ' : scanner.getTokenText()
  }
  return code
}

const queryCall =
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto|replaceInto)\(\s*\[?([^)]*)/g
const quotedName = /'([a-z_]+)(?: as \w+)?'/g
const rawSql = /\b(?:from|join|into|update)\s+"?([a-z_]+)"?/gi

function tablesNamedIn(code: string): { table: TableName; line: number }[] {
  const found: { table: TableName; line: number }[] = []
  const lineAt = (index: number) => code.slice(0, index).split('\n').length
  const add = (name: string | undefined, index: number) => {
    if (name !== undefined && Object.hasOwn(tableOwners, name))
      found.push({ table: name as TableName, line: lineAt(index) })
  }
  for (const call of code.matchAll(queryCall)) {
    const args = call[1] ?? ''
    const firstArgument = args.startsWith("'") ? args : args.split(/[,(]/)[0]
    for (const name of (firstArgument ?? '').matchAll(quotedName)) add(name[1], call.index)
  }
  for (const match of code.matchAll(rawSql)) add(match[1], match.index)
  return found
}

/** Relative imports of a file, and whether each carries types only (those make no runtime cycle). */
function importsOf(file: string, text: string): { target: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest)
  const found: { target: string; typeOnly: boolean }[] = []
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined
    let typeOnly = false
    if (ts.isImportDeclaration(statement)) {
      specifier = statement.moduleSpecifier
      const clause = statement.importClause
      const named = clause?.namedBindings
      typeOnly =
        clause?.phaseModifier === ts.SyntaxKind.TypeKeyword ||
        (clause?.name === undefined &&
          named !== undefined &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly))
    } else if (ts.isExportDeclaration(statement)) {
      specifier = statement.moduleSpecifier
      typeOnly = statement.isTypeOnly
    }
    if (specifier === undefined || !ts.isStringLiteral(specifier)) continue
    if (!specifier.text.startsWith('.')) continue
    const target = resolve(dirname(file), specifier.text.replace(/\.js$/, '.ts'))
    found.push({ target, typeOnly })
  }
  return found
}

/** Strongly connected components of more than one folder (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  let next = 0
  const visit = (node: string) => {
    index.set(node, next)
    low.set(node, next++)
    stack.push(node)
    onStack.add(node)
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(node, Math.min(low.get(node)!, low.get(to)!))
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!))
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return found
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
