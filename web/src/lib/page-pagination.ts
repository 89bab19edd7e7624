import type { TablePaginationConfig } from 'antd'
import type { Page } from './api-types'
import type { Translate } from './i18n'
import { DEFAULT_PAGE_SIZE } from './use-list-params'

/** The pager of a table showing one page of a server list (`useListParams` keeps it in the URL). */
export function pagePagination(
  page: Page<unknown> | undefined,
  onPage: (page: number, pageSize: number) => void,
  t: Translate,
): TablePaginationConfig {
  return {
    current: page?.page ?? 1,
    pageSize: page?.pageSize ?? DEFAULT_PAGE_SIZE,
    total: page?.total ?? 0,
    showSizeChanger: true,
    showTotal: (total) => t('common.total', { total }),
    onChange: onPage,
  }
}
