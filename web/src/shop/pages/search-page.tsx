import { useSearchParams } from 'react-router-dom'
import { searchProducts } from '../api/catalog'
import { ErrorNote, Loading } from '../components/page-state'
import { ProductTile } from '../components/product-tile'
import { SearchBox } from '../components/search-box'
import { useLoadMore } from '../use-load-more'

const PAGE_SIZE = 10

/** Results come a page at a time from the server; "加载更多" appends the next page. */
export default function SearchPage() {
  const [params] = useSearchParams()
  const q = params.get('q') ?? ''
  const categoryId = params.get('categoryId') ?? undefined
  const categoryName = params.get('categoryName')
  const results = useLoadMore(
    (page, signal) =>
      searchProducts(
        {
          q: q || undefined,
          categoryId,
          sort: q ? 'relevance' : 'sales',
          page,
          pageSize: PAGE_SIZE,
        },
        signal,
      ),
    `${q}|${categoryId ?? ''}`,
  )

  return (
    <>
      <header className="h5-bar">
        <SearchBox key={q} initial={q} />
      </header>
      {categoryName && <p className="h5-muted h5-pad">分类：{categoryName}</p>}
      <ErrorNote error={results.error} />
      {!results.loading && results.items.length === 0 && !results.error && (
        <p className="h5-muted h5-center">没有找到相关商品</p>
      )}
      <ul className="h5-list" aria-label="搜索结果">
        {results.items.map((product) => (
          <ProductTile key={product.id} product={product} />
        ))}
      </ul>
      {results.loading && <Loading />}
      {results.hasMore && (
        <button
          type="button"
          className="h5-button h5-button-ghost h5-block"
          onClick={results.loadMore}
        >
          加载更多（{results.items.length}/{results.total}）
        </button>
      )}
    </>
  )
}
