import { Link } from 'react-router-dom'

export default function NotFoundPage() {
  return (
    <div className="h5-center h5-pad">
      <p>页面不存在</p>
      <Link to="/h5" className="h5-button">
        回到首页
      </Link>
    </div>
  )
}
