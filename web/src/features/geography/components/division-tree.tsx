import { Empty, Spin, Tag, Tree, type TreeDataNode } from 'antd'
import { useEffect, useRef, type ComponentRef } from 'react'
import { LoadErrorResult } from '../../../components/status-result'
import type { Division } from '../../../lib/api-types'
import { useI18n, type Translate } from '../../../lib/i18n'
import type { DivisionTreeState } from './use-division-tree'

export { useDivisionTree } from './use-division-tree'

const TREE_HEIGHT_PX = 560 // a fixed height turns on virtual scrolling, which scrollTo needs

function toTreeNodes(divisions: Division[], tree: DivisionTreeState, t: Translate): TreeDataNode[] {
  return divisions.map((division) => ({
    key: division.code,
    isLeaf: division.childCount === 0,
    title: (
      <span title={division.name}>
        {division.shortName}
        {division.scenicArea && (
          <Tag color="purple" style={{ marginInlineStart: 8 }}>
            {t('geography.scenicArea')}
          </Tag>
        )}
      </span>
    ),
    children: (() => {
      const children = tree.childrenOf.get(division.code)
      return children ? toTreeNodes(children, tree, t) : undefined
    })(),
  }))
}

interface DivisionTreeProps {
  tree: DivisionTreeState
  selectedCode: string | undefined
  onSelect: (division: Division) => void
}

export function DivisionTree({ tree, selectedCode, onSelect }: DivisionTreeProps) {
  const { t } = useI18n()
  const treeRef = useRef<ComponentRef<typeof Tree>>(null)

  useEffect(() => {
    if (tree.revealedCode) treeRef.current?.scrollTo({ key: tree.revealedCode, align: 'top' })
  }, [tree.revealedCode, tree.childrenOf, tree.expandedKeys])

  if (tree.error)
    return <LoadErrorResult error={tree.error} onRetry={() => window.location.reload()} />
  if (tree.loading) return <Spin style={{ display: 'block', margin: 48 }} />
  if (tree.roots.length === 0) return <Empty description={t('geography.empty')} />
  return (
    <Tree
      ref={treeRef}
      height={TREE_HEIGHT_PX}
      showLine
      treeData={toTreeNodes(tree.roots, tree, t)}
      expandedKeys={tree.expandedKeys}
      onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
      loadData={(node) => tree.loadChildren(String(node.key))}
      selectedKeys={selectedCode ? [selectedCode] : []}
      onSelect={(_, { node }) => {
        const division = tree.byCode(String(node.key))
        if (division) onSelect(division)
      }}
    />
  )
}
