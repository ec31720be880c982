import { App, Button, Card, Input, Modal, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { EnterpriseRegistration } from '../../../../../common/schemas/enterprise-registrations';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { errorMessage } from '../../../lib/error-message';
import { districtLabel } from '../../../lib/districts';
import { useDecideRegistration, useEnterpriseRegistrations } from '../registration-api';

const statusColor = { pending: 'gold', approved: 'green', rejected: 'red' } as const;

/** 企业注册审核: a coordinator approves or rejects the registrations of enterprises in their district. */
export function RegistrationsPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [status, setStatus] = useState<EnterpriseRegistration['status'] | 'all'>('pending');
  const list = useEnterpriseRegistrations(status === 'all' ? undefined : status);
  const decide = useDecideRegistration();
  const [rejecting, setRejecting] = useState<EnterpriseRegistration | null>(null);
  const [reason, setReason] = useState('');
  const fail = (e: unknown) => void message.error(errorMessage(e, t));

  return (
    <>
      <PageHeader title={t('needs.reg.reviewTitle')} subtitle={t('needs.reg.reviewSubtitle')} />
      <Card variant="borderless">
        <Segmented
          style={{ marginBottom: 16 }}
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={(['pending', 'approved', 'rejected', 'all'] as const).map((s) => ({ value: s, label: t(`needs.reg.status.${s}`) }))}
        />
        <Table<EnterpriseRegistration>
          size="small"
          rowKey="id"
          scroll={{ x: 720 }}
          loading={list.isPending}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('needs.reg.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('needs.reg.organization'), dataIndex: 'organizationName', render: (v: string, r) => <span>{v}<br /><small>{r.uscc}</small></span> },
            { title: t('needs.reg.district'), dataIndex: 'districtCode', render: (v: string | null) => districtLabel(v, locale) },
            { title: t('needs.reg.contactName'), dataIndex: 'contactName', render: (v: string, r) => <span>{v}<br /><small>{r.phone}</small></span> },
            { title: t('needs.reg.username'), dataIndex: 'username' },
            { title: t('needs.reg.submittedAt'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 10) },
            {
              title: t('needs.reg.statusTitle'),
              dataIndex: 'status',
              render: (v: EnterpriseRegistration['status'], r) => (
                <span>
                  <Tag color={statusColor[v]}>{t(`needs.reg.status.${v}`)}</Tag>
                  {r.reason ? <small>{r.reason}</small> : null}
                </span>
              ),
            },
            {
              title: t('needs.reg.actions'),
              key: 'actions',
              render: (_: unknown, r) =>
                r.status === 'pending' ? (
                  <Space wrap>
                    <Popconfirm
                      title={t('needs.reg.approveConfirm', { name: r.organizationName })}
                      onConfirm={() => decide.mutate({ id: r.id, approve: true }, { onSuccess: () => void message.success(t('needs.reg.approved')), onError: fail })}
                    >
                      <Button size="small" type="primary">
                        {t('needs.reg.approve')}
                      </Button>
                    </Popconfirm>
                    <Button size="small" danger onClick={() => { setReason(''); setRejecting(r); }}>
                      {t('needs.reg.reject')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={!!rejecting}
        title={t('needs.reg.rejectTitle', { name: rejecting?.organizationName ?? '' })}
        okText={t('needs.reg.reject')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: decide.isPending }}
        onCancel={() => setRejecting(null)}
        onOk={() =>
          rejecting &&
          decide.mutate(
            { id: rejecting.id, approve: false, reason: reason.trim() },
            { onSuccess: () => { setRejecting(null); void message.success(t('needs.reg.rejected')); }, onError: fail },
          )
        }
      >
        <Input.TextArea aria-label={t('needs.reg.reason')} placeholder={t('needs.reg.reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />
      </Modal>
    </>
  );
}
