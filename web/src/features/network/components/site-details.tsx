import { EditOutlined } from '@ant-design/icons'
import { App, Button, Card, Descriptions, Empty, Popconfirm, Space, Tag } from 'antd'
import { useState } from 'react'
import type { Site } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { useI18n } from '../../../lib/i18n'
import { closeSite, reopenSite } from '../api/sites'
import { KIND_COLOR } from './site-map'

export function SiteStatusTag({ site }: { site: Site }) {
  const { t } = useI18n()
  return site.status === 'open' ? (
    <Tag color="green">{t('network.status.open')}</Tag>
  ) : (
    <Tag color="default">{t('network.status.closed')}</Tag>
  )
}

/** One site: code, hours, master and where it is, saying when the position is still a guess. */
export function SiteDetails({
  site,
  canEdit,
  onEdit,
  onChanged,
}: {
  site: Site | null
  canEdit: boolean
  onEdit: () => void
  onChanged: (site: Site) => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)

  async function toggle(current: Site) {
    setBusy(true)
    try {
      const saved =
        current.status === 'open' ? await closeSite(current.id) : await reopenSite(current.id)
      void message.success(
        t(saved.status === 'open' ? 'network.reopened' : 'network.closed', { name: saved.name }),
      )
      onChanged(saved)
    } catch (error) {
      void message.error(errorMessage(error, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card
      size="small"
      title={site ? site.name : t('network.details')}
      data-testid="site-details"
      extra={
        site &&
        canEdit && (
          <Space>
            <Button size="small" icon={<EditOutlined aria-hidden />} onClick={onEdit}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t(site.status === 'open' ? 'network.closeConfirm' : 'network.reopenConfirm', {
                name: site.name,
              })}
              description={site.status === 'open' ? t('network.closeExplain') : undefined}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => void toggle(site)}
            >
              <Button size="small" danger={site.status === 'open'} loading={busy}>
                {t(site.status === 'open' ? 'network.close' : 'network.reopen')}
              </Button>
            </Popconfirm>
          </Space>
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
          <Descriptions.Item label={t('network.siteCode')}>
            <span data-testid="site-code">{site.code}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('common.status')}>
            <SiteStatusTag site={site} />
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
