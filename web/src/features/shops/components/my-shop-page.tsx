import { Alert, Card, Descriptions, Flex, Spin } from 'antd'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import type { Shop } from '../../../lib/api-types'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useMyShops } from '../api/shops'
import { ShopForm } from './shop-form'
import { ShopStatusTag } from './shop-status-tag'

/** A merchant's own shop: apply, read the review, apply again after a rejection, edit. */
export function MyShopPage() {
  const { t } = useI18n()
  const shops = useMyShops()
  if (shops.error) return <LoadErrorResult error={shops.error} onRetry={shops.reload} />
  if (!shops.data) return <Spin />
  return (
    <>
      <PageHeader title={t('nav.myShop')} />
      {shops.data.length === 0 ? (
        <Card>
          <Alert type="info" showIcon title={t('shop.none')} style={{ marginBottom: 16 }} />
          <ShopForm shop={null} onSaved={shops.reload} />
        </Card>
      ) : (
        <Flex vertical gap="large">
          {shops.data.map((shop) => (
            <ShopCard key={shop.id} shop={shop} onSaved={shops.reload} />
          ))}
        </Flex>
      )}
    </>
  )
}

function ShopCard({ shop, onSaved }: { shop: Shop; onSaved: () => void }) {
  const { t, language } = useI18n()
  const note = shop.reviewNote ?? t('common.none')
  return (
    <Card title={shop.name} extra={<ShopStatusTag status={shop.status} />}>
      {shop.status === 'pending' && (
        <Alert type="info" showIcon title={t('shop.pendingHint')} style={{ marginBottom: 16 }} />
      )}
      {shop.status === 'rejected' && (
        <Alert
          type="error"
          showIcon
          title={t('shop.rejectedHint', { note })}
          style={{ marginBottom: 16 }}
        />
      )}
      {shop.status === 'suspended' && (
        <Alert
          type="warning"
          showIcon
          title={t('shop.suspendedHint', { note })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'org', label: t('shop.organization'), children: shop.organizationName },
          {
            key: 'applied',
            label: t('shop.appliedAt'),
            children: formatDateTime(shop.appliedAt, language),
          },
          {
            key: 'reviewed',
            label: t('shop.reviewedAt'),
            children: formatDateTime(shop.reviewedAt, language),
          },
        ]}
      />
      <ShopForm key={`${shop.id}-${shop.status}`} shop={shop} onSaved={onSaved} />
    </Card>
  )
}
