// The only place in the web console that calls fetch.
import { ApiError, type ApiErrorCode, type FieldError } from './api-error'
import { getLanguage, translate } from './i18n'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type QueryValue = string | number | undefined | null
export type Query = Record<string, QueryValue>

interface RequestOptions {
  query?: Query
  body?: unknown
  /** Multipart uploads; the browser sets the content type with its boundary. */
  form?: FormData
  signal?: AbortSignal
}

let csrfToken: string | null = null
const unauthenticatedListeners = new Set<() => void>()

/** The session hands over the token from the login or /me answer; mutations echo it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called when the session has expired, so the app can return to the login page. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener)
  return () => {
    unauthenticatedListeners.delete(listener)
  }
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    const message = translate(getLanguage(), 'error.network')
    throw new ApiError(0, 'network', message, message)
  }
  if (!response.ok) throw await toApiError(response)
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

interface ProblemBody {
  title?: string
  detail?: string
  code?: string
  reason?: string
  titleZh?: string
  detailZh?: string
  errors?: { field?: string; message?: string; messageZh?: string }[]
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readProblem(response)
  const zh = getLanguage() === 'zh-CN'
  const fallback = translate(getLanguage(), 'error.unexpected', { status: response.status })
  const title = (zh ? body.titleZh : body.title) ?? body.title ?? fallback
  const detail = (zh ? body.detailZh : body.detail) ?? body.detail ?? title
  const fieldErrors: FieldError[] = (body.errors ?? []).map((error) => ({
    field: (error.field ?? '').replace(/^\//, ''),
    message: (zh ? error.messageZh : error.message) ?? error.message ?? '',
  }))
  const code = (body.code ?? 'unexpected') as ApiErrorCode
  const retryAfter = Number(response.headers.get('retry-after'))
  const error = new ApiError(
    response.status,
    code,
    title,
    detail,
    fieldErrors,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    body.reason ?? null,
  )
  if (response.status === 401 && code === 'unauthenticated') {
    unauthenticatedListeners.forEach((listener) => listener())
  }
  // A first run without a county (issue 15): everything but the setup page waits for setup.
  if (code === 'setup_required' && window.location.pathname !== '/setup') {
    window.location.assign('/setup')
  }
  return error
}

async function readProblem(response: Response): Promise<ProblemBody> {
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) return {}
  try {
    return (await response.json()) as ProblemBody
  } catch {
    return {}
  }
}

export const apiClient = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  /** A multipart form: fields first, then the file (the server reads fields sent before the file). */
  postForm: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: (path: string) => request<undefined>('DELETE', path),
}
