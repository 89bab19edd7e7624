// What scripts/check-boundaries.ts looks for, as functions it and its test share (issue 13):
// the tables a source file names in queries, its relative imports, and cycles in a graph.
import { dirname, resolve } from 'node:path'
import ts from 'typescript'
import { tableOwners, type TableName } from '../src/db/table-owners.js'

/** Source without comments, so prose such as "read from parcel" is not taken for a query. */
export function codeOf(text: string): string {
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

export function tablesNamedIn(code: string): { table: TableName; line: number }[] {
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
export function importsOf(file: string, text: string): { target: string; typeOnly: boolean }[] {
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
export function cycles(graph: Map<string, Set<string>>): string[][] {
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
