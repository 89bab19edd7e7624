import { Card, Descriptions, Empty, Tag, Typography } from 'antd'
import type { Division } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'

export function DivisionDetail({ division }: { division: Division | null }) {
  const { t } = useI18n()
  if (!division) {
    return (
      <Card>
        <Empty description={t('geography.selectHint')} />
      </Card>
    )
  }
  const hasCoordinates = division.lat !== null && division.lon !== null
  return (
    <Card
      title={
        <span>
          {division.name}
          {division.scenicArea && (
            <Tag color="purple" style={{ marginInlineStart: 8 }}>
              {t('geography.scenicArea')}
            </Tag>
          )}
        </span>
      }
    >
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('geography.code')}>
          <Typography.Text copyable>{division.code}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('geography.name')}>{division.name}</Descriptions.Item>
        <Descriptions.Item label={t('geography.shortName')}>{division.shortName}</Descriptions.Item>
        <Descriptions.Item label={t('geography.level')}>
          {t(`geography.level.${division.level}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('geography.coordinates')}>
          {hasCoordinates
            ? `${division.lat?.toFixed(5)}, ${division.lon?.toFixed(5)}`
            : t('geography.noCoordinates')}
        </Descriptions.Item>
        {division.coordinateNote && (
          <Descriptions.Item label={t('geography.coordinateNote')}>
            <Typography.Text type="secondary">{division.coordinateNote}</Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('geography.childCount')}>
          {division.childCount}
        </Descriptions.Item>
        {division.scenicArea && (
          <Descriptions.Item label={t('geography.scenicArea')}>
            {t('geography.scenicAreaNote')}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  )
}
