import { join, resolve } from 'node:path'
import { RuleTester } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import boundaries from '../eslint-rules/index-only-imports.js'
import { codeOf, cycles, tablesNamedIn } from './boundary-checks.js'

// Issue 13: the checks `npm run lint` runs must catch what they are there for.

RuleTester.describe = describe
RuleTester.it = it
const root = resolve(import.meta.dirname, '..')
const inPromotions = (name: string) => join(root, 'src/modules/promotions/team-buy', name)
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } })

tester.run('index-only-imports', boundaries.rules['index-only-imports'], {
  valid: [
    { filename: inPromotions('seats.ts'), code: "import { x } from './team-views.js'" },
    { filename: inPromotions('seats.ts'), code: "import { x } from '../../commerce/index.js'" },
    {
      filename: inPromotions('seats.ts'),
      code: "import type { OrderTables } from '../../commerce/orders/order-tables.js'",
    },
    {
      filename: inPromotions('schema.ts'),
      code: "import { ShareQuery } from '../shared/share-schema.js'",
    },
    {
      filename: inPromotions('team-buy.test.ts'),
      code: "import { placeOrder } from '../../commerce/orders/test-support.js'",
    },
  ],
  invalid: [
    {
      filename: inPromotions('seats.ts'),
      code: "import { startRefund } from '../../commerce/orders/order-refunds.js'",
      errors: [{ messageId: 'internal' }],
    },
    {
      filename: inPromotions('seats.ts'),
      code: "import { ShareQuery } from '../shared/share-schema.js'",
      errors: [{ messageId: 'internal' }],
    },
    {
      filename: inPromotions('seats.ts'),
      code: "export { x } from '../../../platform/http/actor.js'",
      errors: [{ messageId: 'internal' }],
    },
  ],
})

describe('the table-ownership check', () => {
  it('finds tables in Kysely calls, joins with aliases and raw SQL, but not in comments', () => {
    const source = [
      "db.selectFrom('team_seat')",
      "  .innerJoin('app_user as u', 'u.id', 'team_seat.user_id')",
      '// read from parcel when …',
      'await sql`update stock_level set reserved = 0`.execute(db)',
      "db.insertInto('not_a_table')",
    ].join('\n')
    expect(tablesNamedIn(codeOf(source))).toEqual([
      { table: 'team_seat', line: 1 },
      { table: 'app_user', line: 2 },
      { table: 'stock_level', line: 4 },
    ])
  })

  it('reports folders that import each other, not a one-way chain', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ])
    expect(cycles(graph)).toEqual([['a', 'b', 'c']])
    expect(cycles(new Map([['a', new Set(['b'])]]))).toEqual([])
  })
})
