import { apiClient, buildUrl } from '../../../lib/api-client'
import type { IntakeResult } from '../../../lib/api-types'

/** Multipart upload; the carrier goes first because the server reads fields sent before the file. */
export function uploadManifest(file: File, carrierId?: string): Promise<IntakeResult> {
  const form = new FormData()
  if (carrierId) form.append('carrierId', carrierId)
  form.append('file', file)
  return apiClient.postForm<IntakeResult>('/api/logistics/manifests', form)
}

/** A plain link: the browser downloads the template with the session cookie. */
export const templateUrl = (format: 'xlsx' | 'csv') =>
  buildUrl('/api/logistics/manifests/template', { format })
