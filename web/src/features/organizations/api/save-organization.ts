import { apiClient } from '../../../lib/api-client'
import type {
  CreateOrganizationBody,
  Organization,
  UpdateOrganizationBody,
} from '../../../lib/api-types'

export function createOrganization(body: CreateOrganizationBody): Promise<Organization> {
  return apiClient.post<Organization>('/api/organizations', body)
}

export function updateOrganization(
  id: string,
  body: UpdateOrganizationBody,
): Promise<Organization> {
  return apiClient.patch<Organization>(`/api/organizations/${encodeURIComponent(id)}`, body)
}
