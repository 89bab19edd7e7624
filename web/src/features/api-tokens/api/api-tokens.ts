import { apiClient } from '../../../lib/api-client'
import type {
  ApiToken,
  CreateApiTokenBody,
  CreatedApiToken,
  Page,
  PageQuery,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

export function getApiTokens(query: PageQuery, signal?: AbortSignal): Promise<Page<ApiToken>> {
  return apiClient.get<Page<ApiToken>>('/api/api-tokens', { ...query }, signal)
}

export function useApiTokens(query: PageQuery) {
  return useRequest((signal) => getApiTokens(query, signal), JSON.stringify(query))
}

export function createApiToken(body: CreateApiTokenBody): Promise<CreatedApiToken> {
  return apiClient.post<CreatedApiToken>('/api/api-tokens', body)
}

export async function revokeApiToken(id: string): Promise<void> {
  await apiClient.delete(`/api/api-tokens/${encodeURIComponent(id)}`)
}
