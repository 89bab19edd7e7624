import { useSession } from '../../../../lib/session'
import { PlusOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import type { ReactNode } from 'react'
import { PageHeader } from '../../../../components/page-header'
import { LoadErrorResult } from '../../../../components/status-result'

/** A promotion kind's page: title and create button (operators only), the status filter, then its table. */
export function PromotionListFrame({
  title,
  createLabel,
  onCreate,
  filter,
  error,
  onRetry,
  children,
}: {
  title: string
  createLabel: string
  onCreate: () => void
  filter: ReactNode
  error: unknown
  onRetry: () => void
  children: ReactNode
}) {
  // The bureau reads the lists and reports; only the operator creates.
  const canManage = useSession().can('promotions:manage')
  return (
    <>
      <PageHeader
        title={title}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onCreate}>
              {createLabel}
            </Button>
          )
        }
      />
      <Space style={{ marginBottom: 16 }}>{filter}</Space>
      {error ? <LoadErrorResult error={error} onRetry={onRetry} /> : children}
    </>
  )
}
