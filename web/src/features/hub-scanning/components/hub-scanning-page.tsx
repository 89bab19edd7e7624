import { Flex, Segmented, Typography } from 'antd'
import { useState } from 'react'
import { RapidScanner } from '../../../components/scanner/rapid-scanner'
import { useI18n } from '../../../lib/i18n'
import { HUB_SCAN_TYPES, scanAtHub, type HubScanType } from '../api/hub-scanning'

/**
 * 枢纽扫描 (issue 15, LOG-5): the hub worker's handheld or phone page. Choose what the scans are
 * (received starts the 72-hour clock, LOG-6), then scan a queue of parcels with a scanner gun,
 * the keyboard or the camera.
 */
export function HubScanningPage() {
  const { t } = useI18n()
  const [type, setType] = useState<HubScanType>('received')

  return (
    <Flex vertical gap={12} style={{ maxWidth: 560 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('hubScan.title')}
      </Typography.Title>
      <Segmented<HubScanType>
        block
        size="large"
        aria-label={t('hubScan.type')}
        value={type}
        onChange={setType}
        options={HUB_SCAN_TYPES.map((value) => ({
          value,
          label: <span style={{ fontSize: 18 }}>{t(`hubScan.type.${value}`)}</span>,
        }))}
      />
      <RapidScanner
        focusKey={type}
        label={t('hubScan.input')}
        placeholder={t('hubScan.placeholder')}
        send={async (waybillNo) => {
          const parcel = await scanAtHub(waybillNo, type)
          const step = t(`scanType.${type}`)
          return {
            duplicate: parcel.duplicate,
            text: parcel.destinationName
              ? t('hubScan.ok', {
                  waybill: parcel.waybillNo,
                  step,
                  station: parcel.destinationName,
                })
              : t('hubScan.okNoStation', { waybill: parcel.waybillNo, step }),
          }
        }}
      />
    </Flex>
  )
}
