import { Alert, Descriptions, Drawer, Spin, Tag } from 'antd'
import { LoadErrorResult } from '../../../../components/status-result'
import { useI18n } from '../../../../lib/i18n'
import { useRequest } from '../../../../lib/use-request'
import { getTeamBuyReport, type TeamBuy } from '../../api/team-buys'
import { ShareReport } from '../shared/share-report'

const TEAM_STATUSES = ['pending', 'open', 'succeeded', 'virtual_ok', 'failed'] as const

/** Teams by status, with virtual fills counted apart and labelled as such. */
export function TeamBuyReport({ activity, onClose }: { activity: TeamBuy; onClose: () => void }) {
  const { t } = useI18n()
  const report = useRequest((signal) => getTeamBuyReport(activity.id, signal), activity.id)
  const data = report.data
  return (
    <Drawer
      open
      size="large"
      title={`${t('promotions.report')} · ${activity.title}`}
      onClose={onClose}
    >
      {report.error ? (
        <LoadErrorResult error={report.error} onRetry={report.reload} />
      ) : !data ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={1} bordered size="small" title={t('teamBuy.teams')}>
            {TEAM_STATUSES.map((status) => (
              <Descriptions.Item
                key={status}
                label={
                  status === 'virtual_ok' ? (
                    <Tag color="purple">{t('teamBuy.team.virtual_ok')}</Tag>
                  ) : (
                    t(`teamBuy.team.${status}`)
                  )
                }
              >
                {data.teams[status] ?? 0}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('teamBuy.paidMembers')}>
              {data.paidMembers}
            </Descriptions.Item>
            <Descriptions.Item label={t('teamBuy.unitsSold')}>{data.unitsSold}</Descriptions.Item>
            <Descriptions.Item label={t('teamBuy.refundedSeats')}>
              {data.refundedSeats}
            </Descriptions.Item>
          </Descriptions>
          <Descriptions
            column={1}
            bordered
            size="small"
            title={t('teamBuy.virtualFill')}
            style={{ marginTop: 16 }}
          >
            <Descriptions.Item label={t('teamBuy.virtualTeams')}>
              {data.virtualTeams}
            </Descriptions.Item>
            <Descriptions.Item label={t('teamBuy.virtualMembers')}>
              {data.virtualMembers}
            </Descriptions.Item>
          </Descriptions>
          <Alert type="info" showIcon title={t('teamBuy.virtualNote')} style={{ marginTop: 12 }} />
          <ShareReport share={data.share} summed />
        </>
      )}
    </Drawer>
  )
}
