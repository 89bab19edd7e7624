// Worker threads do not inherit the tsx loader of the process that starts them: register it
// here, then load the TypeScript worker. (A compiled build would start plan-worker.js itself.)
import { register } from 'tsx/esm/api'

register()
await import('./plan-worker.ts')
