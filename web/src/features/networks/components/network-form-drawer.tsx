import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useT } from '../../../app/i18n';
import { FormDrawer, useFormDrawer } from '../../../components/form-drawer';
import { DistrictSelect } from '../../directory/components/district-select';
import { NetworkSelect } from '../../directory/components/network-select';
import { membershipTiers, networkKindOptions } from '../../directory/labels';
import type { MembershipTier, NetworkKind } from '../../directory/types';
import { useSaveNetwork, type NetworkDetail } from '../api';
import { declaredPersonRoles } from './tier-stats';

interface NetworkFormValues {
  name: string;
  kind: NetworkKind;
  parentId?: string;
  districtCode?: string;
  description?: string;
  declaredCounts?: Partial<Record<MembershipTier | (typeof declaredPersonRoles)[number], number | null>>;
}

const formFields = ['name', 'kind', 'parentId', 'districtCode', 'description', 'declaredCounts'] as const;

/** 新建 / 编辑网络: its place in the "1+36+N" tree and the member counts it declares per tier. */
export function NetworkFormDrawer({
  network,
  defaultParentId,
  onClose,
  onSaved,
}: {
  network?: NetworkDetail;
  defaultParentId?: string;
  onClose: () => void;
  onSaved: (saved: NetworkDetail) => void;
}) {
  const t = useT();
  const drawer = useFormDrawer<NetworkFormValues>({ onClose, fields: formFields });
  const save = useSaveNetwork();
  const editing = network !== undefined;

  const onFinish = (values: NetworkFormValues) => {
    const declaredCounts: Record<string, number> = {};
    for (const kind of [...membershipTiers, ...declaredPersonRoles]) {
      const count = values.declaredCounts?.[kind];
      if (typeof count === 'number' && count > 0) declaredCounts[kind] = count;
    }
    drawer.save(
      save,
      {
        id: network?.id,
        input: {
          name: values.name.trim(),
          kind: values.kind,
          parentId: values.parentId ?? null,
          districtCode: values.districtCode ?? null,
          description: values.description?.trim() || null,
          declaredCounts,
        },
      },
      { success: (saved) => t(editing ? 'network.saved' : 'network.created', { name: saved.name }), onSaved },
    );
  };

  return (
    <FormDrawer drawer={drawer} size={620} title={editing ? t('network.editTitle', { name: network.name }) : t('network.createTitle')} saving={save.isPending}>
      <Form<NetworkFormValues>
        form={drawer.form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          network
            ? {
                name: network.name,
                kind: network.kind,
                parentId: network.parent?.id,
                districtCode: network.districtCode ?? undefined,
                description: network.description ?? undefined,
                declaredCounts: network.declaredCounts,
              }
            : { kind: 'alliance', parentId: defaultParentId }
        }
      >
        <Form.Item
          label={t('network.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('network.nameRequired') }, { max: 200 }]}
        >
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('network.kind')} name="kind" rules={[{ required: true }]}>
              <Select options={networkKindOptions(t)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('org.district')} name="districtCode">
              <DistrictSelect placeholder={t('form.choose')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('network.parent')} name="parentId" extra={t('network.parentHint')}>
          <NetworkSelect excludeId={network?.id} placeholder={t('network.noParent')} />
        </Form.Item>
        <Typography.Text strong>{t('network.declaredCounts')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 8px' }}>
          {t('network.declaredHint')}
        </Typography.Paragraph>
        <Row gutter={12}>
          {membershipTiers.map((tier) => (
            <Col key={tier} xs={12} sm={8}>
              <Form.Item label={t(`tier.${tier}`)} name={['declaredCounts', tier]}>
                <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
          {declaredPersonRoles.map((role) => (
            <Col key={role} xs={12} sm={8}>
              <Form.Item label={t(`network.declared.${role}`)} name={['declaredCounts', role]}>
                <InputNumber min={0} max={1000000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item label={t('network.description')} name="description" rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
