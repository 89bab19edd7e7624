import { apiClient } from '../../../lib/api-client'

export async function resetPassword(id: string, password: string): Promise<void> {
  await apiClient.post(`/api/users/${encodeURIComponent(id)}/password`, { password })
}
