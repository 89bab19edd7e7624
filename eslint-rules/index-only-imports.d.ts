// Types for the rule's tests (scripts/boundaries.test.ts); the rule itself is plain ESM for ESLint.
import type { Rule } from 'eslint'

declare const plugin: { rules: { 'index-only-imports': Rule.RuleModule } }
export default plugin
