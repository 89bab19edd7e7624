import { Card, Col, Row } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import type { Division } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { DivisionDetail } from './division-detail'
import { DivisionSearch } from './division-search'
import { DivisionTree, useDivisionTree } from './division-tree'

export function GeographyPage() {
  const { t } = useI18n()
  const tree = useDivisionTree()
  const [selected, setSelected] = useState<Division | null>(null)
  return (
    <>
      <PageHeader title={t('geography.title')} />
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
