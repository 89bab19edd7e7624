import { Tabs } from 'antd'
import { useSearchParams } from 'react-router-dom'
import { PageHeader } from '../../../components/page-header'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { CarriersTab } from './carriers-tab'
import { DriversTab } from './drivers-tab'
import { VehiclesTab } from './vehicles-tab'

const TABS = ['carriers', 'vehicles', 'drivers'] as const

/** 运力管理: the alliance's carriers, the vehicles and the drivers (issue 15; LOG-1, LOG-3, LOG-5). */
export function FleetPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const [params, setParams] = useSearchParams()
  // Drivers' phones are for those who plan (parcels:manage), as on the server.
  const tabs = TABS.filter((tab) => tab !== 'drivers' || can('parcels:manage'))
  const active = tabs.find((tab) => tab === params.get('tab')) ?? 'carriers'
  return (
    <>
      <PageHeader title={t('fleet.title')} />
      <Tabs
        activeKey={active}
        destroyOnHidden
        onChange={(tab) => setParams({ tab })}
        items={tabs.map((tab) => ({
          key: tab,
          label: t(`fleet.tab.${tab}`),
          children:
            tab === 'carriers' ? (
              <CarriersTab />
            ) : tab === 'vehicles' ? (
              <VehiclesTab />
            ) : (
              <DriversTab />
            ),
        }))}
      />
    </>
  )
}
