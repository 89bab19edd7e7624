import { EditOutlined } from '@ant-design/icons'
import { Button, Card, Descriptions, Empty, Tag } from 'antd'
import type { Site } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { KIND_COLOR } from './site-map'

/** One site: code, hours, master and where it is, saying when the position is still a guess. */
export function SiteDetails({
  site,
  canEdit,
  onEdit,
}: {
  site: Site | null
  canEdit: boolean
  onEdit: () => void
}) {
  const { t } = useI18n()
  return (
    <Card
      size="small"
      title={site ? site.name : t('network.details')}
      data-testid="site-details"
      extra={
        site &&
        canEdit && (
          <Button size="small" icon={<EditOutlined aria-hidden />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      {!site ? (
        <Empty description={t('network.selectHint')} />
      ) : (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('network.kind')}>
            <Tag color={KIND_COLOR[site.kind]}>{t(`network.kind.${site.kind}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('network.code')}>{site.divisionCode}</Descriptions.Item>
          <Descriptions.Item label={t('network.openingHours')}>
            <span data-testid="site-opening-hours">{site.openingHours}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('network.master')}>
            {site.masterName || site.masterPhone
              ? [site.masterName, site.masterPhone].filter(Boolean).join(' ')
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('network.address')}>{site.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('network.coordinates')}>
            {site.lat === null || site.lon === null ? (
              t('network.noCoordinates')
            ) : (
              <>
                {site.lat.toFixed(5)}, {site.lon.toFixed(5)}{' '}
                {site.coordinatesApproximate ? (
                  <Tag color="orange">{t('network.approximate')}</Tag>
                ) : (
                  <Tag color="green">{t('network.exact')}</Tag>
                )}
              </>
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  )
}
