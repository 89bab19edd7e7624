import { Card, Col, Row } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import type { Division } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { DivisionDetail } from './division-detail'
import { DivisionImport } from './division-import'
import { DivisionSearch } from './division-search'
import { DivisionTree, useDivisionTree } from './division-tree'

export function GeographyPage() {
  const { t } = useI18n()
  const tree = useDivisionTree()
  const { can } = useSession()
  const canImport = can('network:write')
  const [selected, setSelected] = useState<Division | null>(null)
  return (
    <>
      <PageHeader title={t('geography.title')} />
      {canImport && <DivisionImport onImported={() => window.location.reload()} />}
      <Row gutter={16}>
        <Col xs={24} md={12} lg={10}>
          <Card>
            <DivisionSearch
              onPick={(match) => {
                setSelected(match)
                void tree.reveal(match)
              }}
            />
            <DivisionTree tree={tree} selectedCode={selected?.code} onSelect={setSelected} />
          </Card>
        </Col>
        <Col xs={24} md={12} lg={14}>
          <DivisionDetail division={selected} />
        </Col>
      </Row>
    </>
  )
}
