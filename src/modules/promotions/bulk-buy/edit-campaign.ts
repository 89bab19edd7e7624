import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict } from '../../../shared/errors.js'
import { campaignTermColumns, checkCampaignTerms } from './campaign-terms.js'
import { findCampaign, toCampaign } from './campaigns.js'
import type { Campaign, CreateCampaignBody } from './schema.js'

/**
 * Replaces a campaign's terms while no buyer can have joined: a draft, or an open campaign whose
 * window has not started. The status stays as it is (`open` in the body is ignored). The state
 * is checked in the UPDATE itself, so an edit racing the start either lands before it or is
 * refused.
 */
export async function updateCampaign(
  db: Db,
  actor: Actor,
  id: string,
  body: CreateCampaignBody,
  now: string = nowIso(),
): Promise<Campaign> {
  const before = await findCampaign(db, id)
  await checkCampaignTerms(db, body)
  const updated = await db
    .updateTable('bulk_campaign')
    .set({ ...campaignTermColumns(body), updated_at: now })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'draft'),
        eb.and([eb('status', '=', 'open'), eb('starts_at', '>', now)]),
      ]),
    )
    .executeTakeFirst()
  if (updated.numUpdatedRows !== 1n)
    throw conflict(
      {
        en: 'only a draft, or an open campaign that has not started, can be changed',
        zh: '只能修改草稿或尚未开始的团购',
      },
      'status',
    )
  const after = toCampaign(await findCampaign(db, id))
  await recordAudit(db, actor, {
    action: 'bulk_campaign.updated',
    entityType: 'bulk_campaign',
    entityId: id,
    organizationId: null,
    before: toCampaign(before),
    after,
  })
  return after
}
