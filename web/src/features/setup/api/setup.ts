import { apiClient } from '../../../lib/api-client'
import type { SetupBody, SetupDone } from '../../../lib/api-types'

/** Whether the one-time link still works: 404 (not the current link) or 410 (setup done) if not. */
export const checkSetupLink = (token: string, signal?: AbortSignal) =>
  apiClient.get<{ valid: boolean }>('/api/setup', { token }, signal)

export const submitSetup = (body: SetupBody) => apiClient.post<SetupDone>('/api/setup', body)
