import { lazy, Suspense } from 'react'
import { Link } from 'react-router-dom'
import { useCounty } from '../../lib/county'
import { useRequest } from '../../lib/use-request'
import { listBrands, searchProducts } from '../api/catalog'
import { ErrorNote, Loading } from '../components/page-state'
import { ProductTile } from '../components/product-tile'
import { SearchBox } from '../components/search-box'

// Its own chunk: the home page's first paint does not wait for the flash sale's code.
const FlashSaleBlock = lazy(() => import('../components/flash-sale-block'))
const EventLinks = lazy(() => import('../components/event-links'))

export default function HomePage() {
  const county = useCounty()
  const brands = useRequest((signal) => listBrands(signal), 'brands')
  const featured = useRequest(
    (signal) => searchProducts({ sort: 'sales', page: 1, pageSize: 10 }, signal),
    'featured',
  )
  return (
    <>
      <header className="h5-hero">
        <p className="h5-hero-name">{county?.brandName ?? ''}商城</p>
        <SearchBox />
      </header>
      <Suspense fallback={null}>
        <EventLinks />
      </Suspense>
      <Suspense fallback={null}>
        <FlashSaleBlock />
      </Suspense>
      <ErrorNote error={brands.error} />
      {brands.data?.map((brand) => (
        <section key={brand.id} className="h5-section" aria-labelledby={`brand-${brand.id}`}>
          <h2 id={`brand-${brand.id}`} className="h5-section-title">
            {brand.name} · 品牌系列
          </h2>
          <p className="h5-muted">{brand.story}</p>
          <ul className="h5-chips">
            {brand.series.map((series) => (
              <li key={series.id}>
                <Link className="h5-chip" to={`/h5/search?q=${encodeURIComponent(series.name)}`}>
                  {series.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="h5-section" aria-labelledby="featured">
        <h2 id="featured" className="h5-section-title">
          热销好物
        </h2>
        <ErrorNote error={featured.error} />
        {featured.loading && !featured.data && <Loading />}
        <ul className="h5-list">
          {featured.data?.items.map((product) => (
            <ProductTile key={product.id} product={product} />
          ))}
        </ul>
      </section>
    </>
  )
}
