import { apiClient } from '../../../lib/api-client'
import type { Membership, MembershipInput } from '../../../lib/api-types'

export function addMembership(userId: string, body: MembershipInput): Promise<Membership> {
  return apiClient.post<Membership>(`/api/users/${encodeURIComponent(userId)}/memberships`, body)
}

export async function removeMembership(userId: string, membershipId: string): Promise<void> {
  await apiClient.delete(
    `/api/users/${encodeURIComponent(userId)}/memberships/${encodeURIComponent(membershipId)}`,
  )
}
