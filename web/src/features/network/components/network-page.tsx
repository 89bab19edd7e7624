import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Col, Input, Row, Select, Space, Table, Tabs, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { Site, SiteKind, SiteStatus } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { useTownships } from '../../../lib/reference-data'
import { useSession } from '../../../lib/session'
import { useListParams } from '../../../lib/use-list-params'
import { sitesXlsxUrl, useAllSites, useSites } from '../api/sites'
import { CoordinatesUpload } from './coordinates-upload'
import { LocationsPanel } from './locations-panel'
import { SiteDetails, SiteStatusTag } from './site-details'
import { SiteFormModal } from './site-form-modal'
import { SiteImport } from './site-import'
import { KIND_COLOR, SiteMap } from './site-map'

const FILTERS = ['q', 'kind', 'townshipCode', 'status'] as const
const KINDS: SiteKind[] = ['hub', 'township', 'village']
const STATUSES: SiteStatus[] = ['open', 'closed']

/** 物流网点: the county's hub and stations on a map, a searchable list and each site's details. */
export function NetworkPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const canEdit = can('network:write')
  const townships = useTownships()
  const list = useListParams(FILTERS)
  const { kind, status, ...filters } = list.filters
  const filter = {
    ...filters,
    kind: KINDS.find((candidate) => candidate === kind),
    status: STATUSES.find((candidate) => candidate === status),
  }
  const sites = useSites({ page: list.page, pageSize: list.pageSize, ...filter })
  const [mapVersion, setMapVersion] = useState(0)
  const allSites = useAllSites(mapVersion)
  const [selected, setSelected] = useState<Site | null>(null)
  const [editing, setEditing] = useState<'new' | 'selected' | null>(null)
  const [tab, setTab] = useState<'sites' | 'locations'>('sites')
  // The details show the site as last read: after an import (or an edit) reloads the sites, the
  // selected one is taken from the fresh answer, or a corrected position would still read as a guess.
  useEffect(() => {
    setSelected((current) => allSites.data?.find((site) => site.id === current?.id) ?? current)
  }, [allSites.data])

  function changed() {
    sites.reload()
    setMapVersion((version) => version + 1)
  }

  return (
    <>
      <PageHeader
        title={t('network.title')}
        extra={
          tab === 'sites' && (
            <Space wrap>
              <Button icon={<DownloadOutlined aria-hidden />} href={sitesXlsxUrl(filter)}>
                {t('network.export')}
              </Button>
              {canEdit && (
                <Button
                  type="primary"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => setEditing('new')}
                >
                  {t('network.create')}
                </Button>
              )}
            </Space>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key === 'locations' ? 'locations' : 'sites')}
        items={[
          {
            key: 'sites',
            label: t('network.tabSites'),
            children: (
              <>
                <Row gutter={[16, 16]}>
                  <Col xs={24} xl={13}>
                    <SiteMap
                      sites={allSites}
                      onSelect={(id) =>
                        setSelected(allSites.data?.find((site) => site.id === id) ?? null)
                      }
                    />
                  </Col>
                  <Col xs={24} xl={11}>
                    <Space wrap style={{ marginBottom: 12 }}>
                      <Input.Search
                        key={filters.q ?? ''}
                        defaultValue={filters.q}
                        allowClear
                        placeholder={t('network.searchPlaceholder')}
                        aria-label={t('common.search')}
                        onSearch={(value) => list.setFilter('q', value.trim() || undefined)}
                        style={{ width: 200 }}
                      />
                      <Select<string>
                        value={kind}
                        allowClear
                        placeholder={t('network.filterKind')}
                        aria-label={t('network.filterKind')}
                        onChange={(value) => list.setFilter('kind', value)}
                        options={KINDS.map((value) => ({
                          value,
                          label: t(`network.kind.${value}`),
                        }))}
                        style={{ width: 140 }}
                      />
                      <Select<string>
                        value={filters.townshipCode}
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={t('network.filterTownship')}
                        aria-label={t('network.filterTownship')}
                        onChange={(value) => list.setFilter('townshipCode', value)}
                        options={townships.map((township) => ({
                          value: township.code,
                          label: township.name,
                        }))}
                        style={{ width: 140 }}
                      />
                      <Select<string>
                        value={status}
                        allowClear
                        placeholder={t('network.filterStatus')}
                        aria-label={t('network.filterStatus')}
                        onChange={(value) => list.setFilter('status', value)}
                        options={STATUSES.map((value) => ({
                          value,
                          label: t(`network.status.${value}`),
                        }))}
                        style={{ width: 120 }}
                      />
                    </Space>
                    {sites.error ? (
                      <LoadErrorResult error={sites.error} onRetry={sites.reload} />
                    ) : (
                      <Table<Site>
                        size="small"
                        rowKey="id"
                        loading={sites.loading}
                        dataSource={sites.data?.items ?? []}
                        locale={{ emptyText: <TableEmpty description={t('network.empty')} /> }}
                        rowClassName={(site) =>
                          site.id === selected?.id ? 'ant-table-row-selected' : ''
                        }
                        onRow={(site) => ({
                          onClick: () => setSelected(site),
                          style: { cursor: 'pointer' },
                        })}
                        pagination={{
                          current: sites.data?.page ?? 1,
                          pageSize: sites.data?.pageSize ?? 20,
                          total: sites.data?.total ?? 0,
                          showSizeChanger: true,
                          size: 'small',
                          showTotal: (total) => t('common.total', { total }),
                          onChange: list.setPage,
                        }}
                        columns={[
                          {
                            title: t('network.siteCode'),
                            dataIndex: 'code',
                            width: 130,
                            ellipsis: true,
                          },
                          { title: t('network.name'), dataIndex: 'name', ellipsis: true },
                          {
                            title: t('network.kind'),
                            dataIndex: 'kind',
                            width: 120,
                            render: (_, site) => (
                              <Tag color={KIND_COLOR[site.kind]}>
                                {t(`network.kind.${site.kind}`)}
                              </Tag>
                            ),
                          },
                          {
                            title: t('common.status'),
                            key: 'status',
                            width: 90,
                            render: (_, site) => <SiteStatusTag site={site} />,
                          },
                          {
                            title: t('network.coordinates'),
                            key: 'approximate',
                            width: 110,
                            render: (_, site) =>
                              site.coordinatesApproximate ? (
                                <Tag color="orange">{t('network.approximate')}</Tag>
                              ) : (
                                <Tag color="green">{t('network.exact')}</Tag>
                              ),
                          },
                          {
                            title: t('common.actions'),
                            key: 'actions',
                            width: 70,
                            render: (_, site) => (
                              <Button type="link" size="small" onClick={() => setSelected(site)}>
                                {t('network.view')}
                              </Button>
                            ),
                          },
                        ]}
                      />
                    )}
                    <SiteDetails
                      site={selected}
                      canEdit={canEdit}
                      onEdit={() => setEditing('selected')}
                      onChanged={(site) => {
                        setSelected(site)
                        changed()
                      }}
                    />
                  </Col>
                </Row>
                {canEdit && <SiteImport onImported={changed} />}
                {canEdit && <CoordinatesUpload onImported={changed} />}
                {editing && (editing === 'new' || selected) && (
                  <SiteFormModal
                    site={editing === 'new' ? null : selected}
                    onClose={() => setEditing(null)}
                    onSaved={(site) => {
                      setSelected(site)
                      setEditing(null)
                      changed()
                    }}
                  />
                )}
              </>
            ),
          },
          {
            key: 'locations',
            label: t('network.tabLocations'),
            children: <LocationsPanel canEdit={canEdit} />,
          },
        ]}
      />
    </>
  )
}
