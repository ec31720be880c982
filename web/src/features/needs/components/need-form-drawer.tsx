import { Alert, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/auth/require-auth';
import { FormDrawer, useFormDrawer } from '../../../components/form-drawer';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { DistrictSelect } from '../../directory/components/district-select';
import { IndustrySelect } from '../../directory/components/industry-select';
import { RecordSelect } from '../../directory/components/record-select';
import { useCreateNeed, useSimilarNeeds, type Need, type NeedCategory } from '../api';
import { useNeedLabels } from '../labels';

interface Values {
  organizationId?: string;
  category: NeedCategory;
  title: string;
  description?: string;
  industryIds?: string[];
  districtCode?: string;
  urgency: 'low' | 'normal' | 'high' | 'urgent';
  wantedBy?: { format: (f: string) => string } | null;
}

const fields = ['organizationId', 'category', 'title', 'description', 'industryIds', 'districtCode', 'urgency', 'wantedBy'] as const;

/** 提交诉求 (an enterprise for itself) or 代企业登记 (a coordinator): validates as you type, shows similar open needs. */
export function NeedFormDrawer({ onClose, onSaved }: { onClose: () => void; onSaved: (n: Need) => void }) {
  const t = useT();
  const labels = useNeedLabels();
  const user = useCurrentUser();
  const forEnterprise = user.role !== 'enterprise';
  const drawer = useFormDrawer<Values>({ onClose, fields });
  const save = useCreateNeed();
  const title = Form.useWatch('title', drawer.form) ?? '';
  const organizationId = Form.useWatch('organizationId', drawer.form);
  const typed = useDebouncedValue(title, 300);
  const similar = useSimilarNeeds(typed, organizationId);

  const onFinish = (v: Values) =>
    drawer.save(
      save,
      {
        organizationId: v.organizationId,
        category: v.category,
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        industryIds: v.industryIds ?? [],
        districtCode: v.districtCode ?? null,
        urgency: v.urgency,
        wantedBy: v.wantedBy ? v.wantedBy.format('YYYY-MM-DD') : null,
      },
      { success: (n) => t('needs.created', { name: n.title }), onSaved },
    );

  return (
    <FormDrawer drawer={drawer} size={620} title={forEnterprise ? t('needs.createFor') : t('needs.create')} saving={save.isPending}>
      <Form<Values> form={drawer.form} layout="vertical" onFinish={onFinish} initialValues={{ urgency: 'normal' }} validateTrigger={['onChange', 'onBlur']}>
        {forEnterprise ? (
          <Form.Item label={t('needs.field.organization')} name="organizationId" rules={[{ required: true, message: t('needs.organizationRequired') }]}>
            <RecordSelect type="organization" />
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('needs.field.title')}
          name="title"
          hasFeedback
          rules={[{ required: true, whitespace: true, min: 4, message: t('needs.titleRequired') }, { max: 200, message: t('form.maxLength', { max: 200 }) }]}
        >
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        {similar.data?.length ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('needs.similar')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {similar.data.map((n) => (
                  <li key={n.id}>
                    <Link to={`/needs/${n.id}`} target="_blank">
                      {n.title}
                    </Link>{' '}
                    · {labels.status(n.status)}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('needs.field.category')} name="category" rules={[{ required: true, message: t('needs.categoryRequired') }]}>
              <Select options={labels.categoryOptions} placeholder={t('form.choose')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('needs.field.urgency')} name="urgency">
              <Select options={labels.urgencyOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('needs.field.description')} name="description" rules={[{ max: 5000, message: t('form.maxLength', { max: 5000 }) }]}>
          <Input.TextArea rows={4} showCount maxLength={5000} />
        </Form.Item>
        <Form.Item label={t('needs.field.industries')} name="industryIds">
          <IndustrySelect multiple placeholder={t('form.chooseIndustries')} />
        </Form.Item>
        <Row gutter={16}>
          {forEnterprise ? (
            <Col xs={24} sm={12}>
              <Form.Item label={t('needs.field.district')} name="districtCode">
                <DistrictSelect placeholder={t('form.choose')} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} sm={12}>
            <Form.Item label={t('needs.field.wantedBy')} name="wantedBy">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
