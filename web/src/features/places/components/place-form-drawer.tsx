import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useT } from '../../../app/i18n';
import { FormDrawer, useFormDrawer } from '../../../components/form-drawer';
import { DistrictSelect } from '../../directory/components/district-select';
import { placeKindOptions } from '../../directory/labels';
import type { PlaceKind } from '../../directory/types';
import { useSavePlace, type CoordinateSystem, type Place } from '../api';

interface PlaceFormValues {
  name: string;
  kind: PlaceKind;
  districtCode?: string;
  address?: string;
  lng?: number | null;
  lat?: number | null;
  crs: CoordinateSystem;
  description?: string;
}

const formFields = ['name', 'kind', 'districtCode', 'address', 'lng', 'lat', 'crs', 'description'] as const;

/** 新建 / 编辑场所; coordinates may be typed as WGS-84 (GPS) or GCJ-02 (高德/腾讯 maps), the server stores WGS-84. */
export function PlaceFormDrawer({ place, onClose, onSaved }: { place?: Place; onClose: () => void; onSaved: (saved: Place) => void }) {
  const t = useT();
  const drawer = useFormDrawer<PlaceFormValues>({ onClose, fields: formFields });
  const save = useSavePlace();
  const editing = place !== undefined;

  const onFinish = (values: PlaceFormValues) => {
    const hasPoint = values.lng != null && values.lat != null;
    drawer.save(
      save,
      {
        id: place?.id,
        input: {
          name: values.name.trim(),
          kind: values.kind,
          districtCode: values.districtCode ?? null,
          address: values.address?.trim() || null,
          lng: hasPoint ? values.lng : null,
          lat: hasPoint ? values.lat : null,
          crs: hasPoint ? values.crs : undefined,
          description: values.description?.trim() || null,
        },
      },
      { success: (saved) => t(editing ? 'place.saved' : 'place.created', { name: saved.name }), onSaved },
    );
  };

  return (
    <FormDrawer drawer={drawer} size={580} title={editing ? t('place.editTitle', { name: place.name }) : t('place.createTitle')} saving={save.isPending}>
      <Form<PlaceFormValues>
        form={drawer.form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          place
            ? {
                name: place.name,
                kind: place.kind,
                districtCode: place.districtCode ?? undefined,
                address: place.address ?? undefined,
                lng: place.lng,
                lat: place.lat,
                crs: 'wgs84',
                description: place.description ?? undefined,
              }
            : { kind: 'station', crs: 'wgs84' }
        }
      >
        <Form.Item
          label={t('place.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('place.nameRequired') }, { max: 200 }]}
        >
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('place.kind')} name="kind" rules={[{ required: true }]}>
              <Select options={placeKindOptions(t)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('org.district')} name="districtCode">
              <DistrictSelect placeholder={t('form.choose')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('place.address')} name="address" rules={[{ max: 300 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('geo.crs')} name="crs" extra={t('geo.crsHint')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'wgs84', label: t('geo.wgs84') },
              { value: 'gcj02', label: t('geo.gcj02') },
            ]}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('geo.lng')}
              name="lng"
              dependencies={['lat']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: number | null | undefined) => {
                    if ((value == null) !== (getFieldValue('lat') == null)) throw new Error(t('geo.bothRequired'));
                  },
                }),
              ]}
            >
              <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} placeholder="121.4737" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('geo.lat')} name="lat" dependencies={['lng']}>
              <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} placeholder="31.2304" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('place.description')} name="description" rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
