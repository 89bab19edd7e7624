import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd'
import { useState } from 'react'
import { DivisionCascader } from '../../../components/division-cascader'
import type { CreateSiteBody, Site, SiteKind, UpdateSiteBody } from '../../../lib/api-types'
import { getDivisions } from '../../../lib/divisions'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { OPENING_HOURS, PHONE_NUMBER } from '../../../lib/validation'
import { createSite, updateSite, useStationOrganizations } from '../api/sites'
import { LocationPicker } from './location-picker'

interface SiteForm {
  code: string
  kind: SiteKind
  name: string
  divisionCode?: string | null
  address?: string
  openingHours: string
  masterName?: string
  masterPhone?: string
  organizationId?: string | null
  lat?: number | null
  lon?: number | null
}

const KINDS: SiteKind[] = ['hub', 'township', 'village']
const SITE_CODE = /^[A-Za-z0-9-]{2,32}$/

/** Creates a site (`site` null) or edits one: code, division, hours, master, position. */
export function SiteFormModal({
  site,
  onClose,
  onSaved,
}: {
  site: Site | null
  onClose: () => void
  onSaved: (site: Site) => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<SiteForm>()
  const [saving, setSaving] = useState(false)
  const kind: SiteKind | undefined = Form.useWatch('kind', form)
  const lat = Form.useWatch('lat', form)
  const lon = Form.useWatch('lon', form)
  const stations = useStationOrganizations()

  async function save(values: SiteForm) {
    setSaving(true)
    const common = {
      code: values.code.trim(),
      name: values.name.trim(),
      address: values.address?.trim() || null,
      openingHours: values.openingHours.trim(),
      masterName: values.masterName?.trim() || null,
      masterPhone: values.masterPhone?.trim() || null,
      organizationId: values.kind === 'village' ? (values.organizationId ?? null) : null,
    }
    const located = values.lat != null && values.lon != null
    try {
      // The hub sits in the county itself: its division is the county's.
      const divisionCode =
        values.kind === 'hub'
          ? ((await getDivisions())[0]?.code ?? '')
          : (values.divisionCode ?? '')
      let saved: Site
      if (site) {
        const body: UpdateSiteBody = { ...common, divisionCode }
        // Coordinates cannot be cleared, only set; unchanged ones stay as they are.
        if (located && (values.lat !== site.lat || values.lon !== site.lon)) {
          body.lat = values.lat ?? undefined
          body.lon = values.lon ?? undefined
        }
        saved = await updateSite(site.id, body)
      } else {
        const body: CreateSiteBody = { ...common, kind: values.kind, divisionCode }
        if (located) {
          body.lat = values.lat ?? undefined
          body.lon = values.lon ?? undefined
        }
        saved = await createSite(body)
      }
      void message.success(t('common.saved'))
      onSaved(saved)
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      width={760}
      title={site ? t('network.edit') : t('network.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<SiteForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={
          site
            ? {
                code: site.code,
                kind: site.kind,
                name: site.name,
                divisionCode: site.divisionCode,
                address: site.address ?? undefined,
                openingHours: site.openingHours,
                masterName: site.masterName ?? undefined,
                masterPhone: site.masterPhone ?? undefined,
                organizationId: site.organizationId,
                lat: site.lat,
                lon: site.lon,
              }
            : { kind: 'village', openingHours: '08:00-18:00' }
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label={t('network.siteCode')}
              extra={t('network.siteCodeHint')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: SITE_CODE, message: t('network.siteCodeInvalid') },
              ]}
            >
              <Input maxLength={32} />
            </Form.Item>
            <Form.Item name="kind" label={t('network.kind')} rules={[{ required: true }]}>
              <Select<SiteKind>
                disabled={site !== null}
                options={KINDS.map((value) => ({ value, label: t(`network.kind.${value}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('network.name')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            {kind !== 'hub' && (
              <Form.Item
                name="divisionCode"
                label={t('network.division')}
                extra={t(
                  kind === 'township' ? 'network.divisionTownship' : 'network.divisionVillage',
                )}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DivisionCascader />
              </Form.Item>
            )}
            <Form.Item name="address" label={t('network.address')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="openingHours"
              label={t('network.openingHours')}
              extra={t('network.openingHoursHint')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: OPENING_HOURS, message: t('network.openingHoursInvalid') },
              ]}
            >
              <Input maxLength={11} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="masterName" label={t('network.masterName')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="masterPhone"
              label={t('network.masterPhone')}
              rules={[{ pattern: PHONE_NUMBER, message: t('common.phoneInvalid') }]}
            >
              <Input maxLength={13} />
            </Form.Item>
            {kind === 'village' && (
              <Form.Item name="organizationId" label={t('network.stationOrganization')}>
                <Select<string>
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('network.stationOrganizationHint')}
                  loading={stations.loading}
                  options={(stations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
            )}
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item name="lat" label={t('network.lat')}>
                  <InputNumber
                    min={3}
                    max={54}
                    step={0.00001}
                    precision={6}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="lon" label={t('network.lon')}>
                  <InputNumber
                    min={73}
                    max={136}
                    step={0.00001}
                    precision={6}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            </Row>
            <LocationPicker
              lat={lat}
              lon={lon}
              onPick={(pickedLat, pickedLon) =>
                form.setFieldsValue({ lat: pickedLat, lon: pickedLon })
              }
            />
          </Col>
        </Row>
      </Form>
    </Modal>
  )
}
