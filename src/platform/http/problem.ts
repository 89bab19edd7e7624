import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type Bilingual, type ErrorCode, type FieldError } from '../../shared/errors.js'
import { translateValidationErrors } from './validation-messages.js'

// RFC 9457 problem details, with the message in Chinese and English.

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  locked: 429,
  too_many_requests: 429,
  challenge_required: 403,
  gone: 410,
  setup_required: 503,
}

const TITLES: Record<ErrorCode, Bilingual> = {
  invalid: { en: 'Invalid request', zh: '请求无效' },
  unauthenticated: { en: 'Sign-in required', zh: '请先登录' },
  invalid_credentials: { en: 'Wrong username or password', zh: '用户名或密码错误' },
  forbidden: { en: 'Not allowed', zh: '无权访问' },
  csrf: { en: 'Missing or wrong CSRF token', zh: 'CSRF 校验失败，请刷新页面后重试' },
  not_found: { en: 'Not found', zh: '未找到' },
  conflict: { en: 'Conflict', zh: '数据冲突' },
  locked: { en: 'Account temporarily locked', zh: '账号已暂时锁定' },
  too_many_requests: { en: 'Too many requests', zh: '请求过于频繁' },
  challenge_required: { en: 'Security check required', zh: '需要安全验证' },
  gone: { en: 'No longer available', zh: '已失效' },
  setup_required: { en: 'Setup required', zh: '系统尚未完成初始设置' },
}

export interface Problem {
  type: string
  title: string
  titleZh: string
  status: number
  detail: string
  detailZh: string
  code: string
  /** A finer reason within the code, when the service gave one (e.g. `unknown_waybill`). */
  reason?: string
  instance?: string
  errors?: { field: string; message: string; messageZh: string }[]
}

export function toProblem(error: AppError, instance?: string): Problem {
  const title = TITLES[error.code]
  return {
    type: `urn:cuntong:problem:${error.code}${error.reason ? `:${error.reason}` : ''}`,
    title: title.en,
    titleZh: title.zh,
    status: STATUS[error.code],
    detail: error.detail.en,
    detailZh: error.detail.zh,
    code: error.code,
    ...(error.reason ? { reason: error.reason } : {}),
    ...(instance ? { instance } : {}),
    ...(error.fieldErrors.length > 0 ? { errors: error.fieldErrors.map(toProblemField) } : {}),
  }
}

const toProblemField = (e: FieldError) => ({
  field: e.field,
  message: e.message.en,
  messageZh: e.message.zh,
})

export function sendProblem(reply: FastifyReply, error: AppError, instance?: string): FastifyReply {
  // A refusal is never cached, whatever caching headers the route had set before it failed.
  void reply.removeHeader('etag').header('cache-control', 'no-store')
  if (error.retryAfterS !== undefined)
    void reply.header('retry-after', String(Math.ceil(error.retryAfterS)))
  return reply
    .status(STATUS[error.code])
    .type('application/problem+json')
    .send(toProblem(error, instance))
}

/** Turns any error that reaches Fastify into an AppError; null means an unexpected failure (500). */
export function classifyError(error: FastifyError, request: FastifyRequest): AppError | null {
  if (error instanceof AppError) return error
  if (error.validation) {
    const fieldErrors = translateValidationErrors(error.validation, error.validationContext)
    const first = fieldErrors[0]
    const detail: Bilingual = first
      ? { en: `${first.field}: ${first.message.en}`, zh: `${first.field}：${first.message.zh}` }
      : { en: error.message, zh: '请求格式不正确' }
    return new AppError('invalid', detail, fieldErrors)
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(
        'invalid',
        { en: 'The body is not valid JSON', zh: '请求体不是合法的 JSON' },
        [{ field: 'body', message: { en: 'is not valid JSON', zh: '不是合法的 JSON' } }],
      )
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid', { en: 'The body is empty', zh: '请求体为空' }, [
        { field: 'body', message: { en: 'must not be empty', zh: '不能为空' } },
      ])
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        'invalid',
        {
          en: `Unsupported content type ${request.headers['content-type'] ?? ''}`,
          zh: '不支持的请求内容类型',
        },
        [
          {
            field: 'content-type',
            message: { en: 'must be application/json', zh: '应为 application/json' },
          },
        ],
      )
    case 'FST_ERR_BAD_URL':
      return new AppError(
        'invalid',
        { en: 'The address is not valid percent-encoding', zh: '请求地址的百分号编码无效' },
        [{ field: 'url', message: { en: 'is not valid percent-encoding', zh: '编码无效' } }],
      )
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('invalid', { en: 'A path parameter is too long', zh: '路径参数过长' }, [
        { field: 'params', message: { en: 'is too long', zh: '过长' } },
      ])
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('invalid', { en: 'The body is too large', zh: '请求体过大' }, [
        { field: 'body', message: { en: 'is too large', zh: '过大' } },
      ])
  }
  if (isUniqueViolation(error)) {
    // Two requests raced for the same unique value; the loser gets what a check would have said.
    return new AppError('conflict', { en: 'This already exists', zh: '该记录已存在' })
  }
  if (error.statusCode === 429)
    return new AppError('too_many_requests', { en: error.message, zh: '请求过于频繁，请稍后再试' })
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('invalid', { en: error.message, zh: '请求无效' })
  }
  return null
}

/** SQLite and PostgreSQL each name a unique-key violation their own way. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  )
}
