import type { FastifyInstance } from 'fastify'
import type { Db } from '../../db/database.js'
import { AppError } from '../../shared/errors.js'
import { isSetupRequired } from './setup-token.js'

// Until the installation is set up, every API answers 503 "setup required" except setup's own;
// health checks and the console's files are not under /api and keep working. Once a county
// exists the gate opens for good (this node stops asking the database).

export function registerSetupGate(app: FastifyInstance, db: Db): void {
  let open = false
  app.addHook('onRequest', async (request) => {
    if (open) return
    const pathname = request.url.split('?')[0] ?? ''
    if (!pathname.startsWith('/api/') || pathname === '/api/setup') return
    if (!(await isSetupRequired(db))) {
      open = true
      return
    }
    throw new AppError('setup_required', {
      en: 'This installation is not set up yet: open the setup link printed in the server log, or run npm run setup',
      zh: '系统尚未完成初始设置：请打开服务器日志中打印的设置链接，或运行 npm run setup',
    })
  })
}
