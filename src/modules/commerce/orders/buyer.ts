import type { FastifyRequest } from 'fastify'
import { AppError } from '../../../shared/errors.js'

/** The signed-in consumer behind a buyer route (routes with `access: { authenticated: true }`). */
export function buyerIdOf(request: FastifyRequest): string {
  const userId = request.principal?.userId
  if (!userId) throw new AppError('unauthenticated', { en: 'Sign in first', zh: '请先登录' })
  return userId
}
