import { Link } from 'react-router-dom'
import { useRequest } from '../../lib/use-request'
import { listCategories } from '../api/catalog'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'

export default function CategoryPage() {
  const categories = useRequest((signal) => listCategories(signal), 'categories')
  return (
    <>
      <PageTitle>商品分类</PageTitle>
      <ErrorNote error={categories.error} />
      {categories.loading && !categories.data && <Loading />}
      {categories.data?.map((parent) => (
        <section key={parent.id} className="h5-section" aria-labelledby={`c-${parent.id}`}>
          <h2 id={`c-${parent.id}`} className="h5-section-title">
            {parent.name}
          </h2>
          <ul className="h5-chips">
            {[parent, ...parent.children].map((category) => (
              <li key={category.id}>
                <Link
                  className="h5-chip"
                  to={`/h5/search?categoryId=${category.id}&categoryName=${encodeURIComponent(category.name)}`}
                >
                  {category.id === parent.id ? '全部' : category.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
