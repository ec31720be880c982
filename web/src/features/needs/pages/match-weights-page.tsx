import { App, Button, Card, Form, InputNumber, Table } from 'antd';
import { useEffect } from 'react';
import type { MatchWeights } from '../../../../../common/schemas/needs';
import { useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { useCurrentUser } from '../../../app/auth/require-auth';
import { errorMessage } from '../../../lib/error-message';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useMatchWeights, useSaveMatchWeights } from '../registration-api';

const factors = ['text', 'industry', 'category', 'district', 'load', 'rating'] as const;

/** 匹配权重 (admin sets, coordinators read): each save is a new version, the list shows the earlier ones. */
export function MatchWeightsPage() {
  const t = useT();
  const { message } = App.useApp();
  const isAdmin = useCurrentUser().role === 'admin';
  const weights = useMatchWeights();
  const save = useSaveMatchWeights();
  const [form] = Form.useForm<MatchWeights>();
  const current = weights.data?.current;
  useEffect(() => {
    if (current) form.setFieldsValue(current);
  }, [current, form]);

  return (
    <>
      <PageHeader title={t('needs.weights.title')} subtitle={t('needs.weights.subtitle', { version: current?.version ?? '—' })} />
      <Card variant="borderless" loading={weights.isPending}>
        <Form
          form={form}
          layout="vertical"
          disabled={!isAdmin}
          onFinish={(v) =>
            save.mutate(v, {
              onSuccess: (r) => void message.success(t('needs.weights.saved', { version: r.id })),
              onError: (e) => {
                if (!applyFieldErrors(form, e, factors)) void message.error(errorMessage(e, t));
              },
            })
          }
          style={{ maxWidth: 480 }}
        >
          {factors.map((f) => (
            <Form.Item key={f} name={f} label={t(`needs.weights.${f}`)} rules={[{ required: true, type: 'number', min: 0, max: 10, message: t('needs.weights.range') }]}>
              <InputNumber min={0} max={10} step={0.05} style={{ width: '100%' }} />
            </Form.Item>
          ))}
          {isAdmin ? (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('needs.weights.save')}
            </Button>
          ) : null}
        </Form>
      </Card>
      <Card variant="borderless" title={t('needs.weights.versions')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          scroll={{ x: 600 }}
          dataSource={weights.data?.versions ?? []}
          pagination={false}
          locale={{ emptyText: t('needs.weights.noVersions') }}
          columns={[
            { title: t('needs.weights.version'), dataIndex: 'id', render: (v: number) => `v${v}` },
            { title: t('needs.weights.savedAt'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 16).replace('T', ' ') },
            ...factors.map((f) => ({ title: t(`needs.weights.${f}`), key: f, render: (_: unknown, r: { weights: MatchWeights }) => r.weights[f] })),
          ]}
        />
      </Card>
    </>
  );
}
