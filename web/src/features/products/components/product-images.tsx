import { DeleteOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Flex, Image, Popconfirm, Upload } from 'antd'
import { useState } from 'react'
import type { ProductImage } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { useI18n } from '../../../lib/i18n'
import { deleteProductImage, uploadProductImage } from '../api/products'

/** A product's photos: upload (JPEG, PNG or WebP, checked by the server) and delete. */
export function ProductImages({
  productId,
  images,
  onChanged,
}: {
  productId: string
  images: ProductImage[]
  onChanged: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [uploading, setUploading] = useState(false)

  async function upload(file: Blob) {
    setUploading(true)
    try {
      await uploadProductImage(productId, file)
      void message.success(t('product.imageUploaded'))
      onChanged()
    } catch (error) {
      void message.error(errorMessage(error, t))
    } finally {
      setUploading(false)
    }
  }

  async function remove(imageId: string) {
    try {
      await deleteProductImage(productId, imageId)
      onChanged()
    } catch (error) {
      void message.error(errorMessage(error, t))
    }
  }

  return (
    <Flex wrap gap={12} align="flex-start">
      {images.map((image) => (
        <Flex key={image.id} vertical align="center" gap={4}>
          <Image src={image.url} width={96} height={96} style={{ objectFit: 'cover' }} />
          <Popconfirm
            title={t('product.deleteImage')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => void remove(image.id)}
          >
            <Button size="small" danger icon={<DeleteOutlined aria-hidden />}>
              {t('common.remove')}
            </Button>
          </Popconfirm>
        </Flex>
      ))}
      <Upload
        accept="image/jpeg,image/png,image/webp"
        showUploadList={false}
        customRequest={({ file }) => void upload(file as Blob)}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={uploading}>
          {t('product.uploadImage')}
        </Button>
      </Upload>
    </Flex>
  )
}
