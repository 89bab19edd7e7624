import { apiClient } from '../../../lib/api-client'
import type { CountySettings, UpdateCountySettingsBody } from '../../../lib/api-types'

export const getCountySettings = (signal?: AbortSignal) =>
  apiClient.get<CountySettings>('/api/county/settings', undefined, signal)

export const updateCountySettings = (body: UpdateCountySettingsBody) =>
  apiClient.patch<CountySettings>('/api/county/settings', body)
