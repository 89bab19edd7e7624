import { Button, Descriptions } from 'antd'
import type { Static } from 'typebox'
import { ShareQr } from '../../../../components/share-qr'
import { useI18n } from '../../../../lib/i18n'
import type { ShareStats } from '../../../../../../src/modules/promotions/shared/share-schema'

/**
 * A promotion's share link in its report (MKT-2): the QR code clerks print (下载二维码), the link
 * to copy, and what it brought in — visits, orders, paid orders.
 */
export function ShareReport({
  share,
  summed = false,
}: {
  share: Static<typeof ShareStats>
  /** The counts include the links of its teams or launched bargains. */
  summed?: boolean
}) {
  const { t } = useI18n()
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      title={t('promotions.share')}
      style={{ marginTop: 16 }}
    >
      <Descriptions.Item label={t('promotions.share')}>
        {share.code ? (
          <ShareQr
            code={share.code}
            downloadable
            size={160}
            texts={{
              label: t('share.qrLabel'),
              copy: t('share.copy'),
              copied: t('share.copied'),
              copyFailed: t('share.copyFailed'),
              download: t('share.download'),
            }}
            renderButton={({ onClick, children }) => (
              <Button size="small" onClick={onClick}>
                {children}
              </Button>
            )}
          />
        ) : (
          t('share.none')
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('share.visits')}>{share.visits}</Descriptions.Item>
      <Descriptions.Item label={t('share.orders')}>{share.orders}</Descriptions.Item>
      <Descriptions.Item label={t('share.paidOrders')}>{share.paidOrders}</Descriptions.Item>
      {summed && <Descriptions.Item label="">{t('share.summed')}</Descriptions.Item>}
    </Descriptions>
  )
}
