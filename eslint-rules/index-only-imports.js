// A module or platform folder is entered through its index.ts (docs/architecture.md, issue 13):
// an import that reaches another folder's internal file fails lint. Two exceptions, both about
// declarations rather than code: a folder's schema files (`schema.ts`, `*-schema.ts`,
// `*-tables.ts`: table types and TypeBox API shapes) may be imported type-only from anywhere
// (db/database.ts lists every table that way) and by other schema files, whose shapes build on
// them; and tests may use another folder's test scaffolding (test-support.ts, test-keys.ts).
import { basename, dirname, relative, resolve, sep } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const moduleFolder = new RegExp(`^src\\${sep}(modules|platform)\\${sep}`)
const isSchemaFile = (file) => /(^|-)schema\.[jt]s$|-tables\.[jt]s$/.test(basename(file))
const isTestCode = (file) =>
  /\.test\.ts$|test-support\.ts$/.test(file) || file.includes(`${sep}src${sep}test${sep}`)

/** @type {import('eslint').Rule.RuleModule} */
const indexOnlyImports = {
  meta: {
    type: 'problem',
    docs: { description: 'import another folder only through its index.ts' },
    messages: {
      internal:
        "'{{source}}' reaches into {{folder}}/ past its index.ts; import '{{index}}' and export what you need from there",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename
    const check = (node) => {
      const source = node.source?.value
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const target = resolve(dirname(file), source)
      const folder = dirname(target)
      if (folder === dirname(file)) return
      if (!moduleFolder.test(relative(root, target))) return
      if (basename(target) === 'index.js') return
      if (basename(target).startsWith('test-') && isTestCode(file)) return
      const typeOnly = node.importKind === 'type' || node.exportKind === 'type'
      if (isSchemaFile(target) && (typeOnly || isSchemaFile(file))) return
      const index = source.slice(0, source.length - basename(source).length) + 'index.js'
      context.report({
        node: node.source,
        messageId: 'internal',
        data: { source, folder: relative(root, folder), index },
      })
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}

export default { rules: { 'index-only-imports': indexOnlyImports } }
