import { Form, Input, Radio, Select } from 'antd'
import { DivisionCascader } from '../../../components/division-cascader'
import type { LocalKind } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import type { CatalogOptions } from '../api/catalog-options'

/** The product's own fields as the form holds them ('' is "no local label"). */
export interface ProductFormValues {
  title: string
  subtitle?: string
  categoryId: string
  brandSeriesId?: string | null
  originDivisionCode?: string | null
  producer?: string
  localKind: LocalKind | ''
  descriptionHtml?: string
}

const LOCAL_KINDS: (LocalKind | '')[] = ['', 'fresh', 'specialty']

/** Title, category, brand series, origin, producer, local label and description. */
export function ProductFields({ options }: { options: CatalogOptions }) {
  const { t } = useI18n()
  const required = { required: true, message: t('common.required') }
  // Leaf categories under their parent; a parent without children is a choice itself.
  const categoryOptions = options.categories.map((category) =>
    category.children.length === 0
      ? { value: category.id, label: category.name }
      : {
          label: category.name,
          title: category.name,
          options: category.children.map((child) => ({
            value: child.id,
            label: `${category.name} / ${child.name}`,
          })),
        },
  )
  const seriesOptions = options.brands.flatMap((brand) =>
    brand.series.map((series) => ({ value: series.id, label: `${brand.name} · ${series.name}` })),
  )
  return (
    <>
      <Form.Item
        name="title"
        label={t('product.title')}
        rules={[{ ...required, whitespace: true }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="subtitle" label={t('product.subtitle')}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="categoryId" label={t('product.category')} rules={[required]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={categoryOptions} />
      </Form.Item>
      <Form.Item
        name="brandSeriesId"
        label={t('product.brandSeries')}
        extra={t('product.brandSeriesHint')}
      >
        <Select allowClear options={seriesOptions} />
      </Form.Item>
      <Form.Item name="originDivisionCode" label={t('product.origin')}>
        <DivisionCascader />
      </Form.Item>
      <Form.Item name="producer" label={t('product.producer')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="localKind" label={t('product.localKind')}>
        <Radio.Group
          options={LOCAL_KINDS.map((kind) => ({
            value: kind,
            label: t(`product.localKind.${kind || 'none'}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="descriptionHtml"
        label={t('product.description')}
        extra={t('product.descriptionHint')}
      >
        <Input.TextArea rows={6} maxLength={50_000} />
      </Form.Item>
    </>
  )
}
