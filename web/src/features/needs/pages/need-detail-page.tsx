import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Rate, Row, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { DetailHeader, detailFallback } from '../../../components/detail-header';
import { api } from '../../../lib/api';
import { districtLabel } from '../../../lib/districts';
import { errorMessage } from '../../../lib/error-message';
import { useAnswerAssignment, useNeed, type NeedDetail } from '../api';
import { MatchPanel } from '../components/match-panel';
import { ServiceRecordModal } from '../components/service-record-modal';
import { StepActions } from '../components/step-actions';
import { statusColor, useNeedLabels } from '../labels';
import { DeadlineTag } from './needs-page';
import { useQueryClient } from '@tanstack/react-query';

function Assignments({ need }: { need: NeedDetail }) {
  const t = useT();
  const labels = useNeedLabels();
  const { message } = App.useApp();
  const answer = useAnswerAssignment(need.id);
  const [declining, setDeclining] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const done = () => void message.success(t('needs.action.done', { action: '' }));
  return (
    <Card variant="borderless" title={t('needs.assignments')}>
      {need.assignments.length === 0 ? (
        <Empty description={t('needs.noAssignments')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 480 }}
          dataSource={need.assignments}
          columns={[
            { key: 'name', title: t('needs.field.provider'), render: (_, a) => a.name },
            { key: 'status', title: t('needs.field.status'), width: 110, render: (_, a) => <Tag>{labels.assignment(a.status)}</Tag> },
            { key: 'reason', title: t('needs.action.reason'), render: (_, a) => a.reason ?? '—' },
            {
              key: 'answer',
              width: 200,
              render: (_, a) =>
                a.mine ? (
                  <Space>
                    <Button size="small" type="primary" loading={answer.isPending} onClick={() => answer.mutate({ assignmentId: a.id, accept: true }, { onSuccess: done, onError: (e) => void message.error(errorMessage(e, t)) })}>
                      {t('needs.answer.accept')}
                    </Button>
                    <Button size="small" danger onClick={() => setDeclining(a.id)}>
                      {t('needs.answer.decline')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      )}
      <Modal open={declining !== null} title={t('needs.answer.declineTitle')} onCancel={() => setDeclining(null)} onOk={() => form.submit()} okButtonProps={{ danger: true, loading: answer.isPending }} okText={t('needs.answer.decline')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            declining &&
            answer.mutate(
              { assignmentId: declining, accept: false, reason: v.reason.trim() },
              { onSuccess: () => { setDeclining(null); done(); }, onError: (e) => void message.error(errorMessage(e, t)) },
            )
          }
        >
          <Form.Item name="reason" label={t('needs.action.reason')} rules={[{ required: true, whitespace: true, message: t('needs.action.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

export function NeedDetailPage() {
  const { id } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const labels = useNeedLabels();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useNeed(id);
  const [recording, setRecording] = useState(false);
  const trail = { listLabel: t('needs.title'), listPath: '/needs' };
  const need = query.data;
  if (!need) return detailFallback(query, trail, 8);
  // the ranked matches are for whoever may assign now (a coordinator of the need, an admin)
  const coordinating = need.allowedActions.includes('assign');

  const upload = (file: File) => {
    const form = new FormData();
    form.append('file', file);
    api.upload(`/api/needs/${need.id}/attachments`, form).then(
      () => {
        void message.success(t('needs.uploaded'));
        void client.invalidateQueries({ queryKey: ['needs'] });
      },
      (e: unknown) => void message.error(errorMessage(e, t)),
    );
    return false;
  };

  return (
    <>
      <DetailHeader
        trail={trail}
        name={need.title}
        title={
          <>
            {need.title} <Tag color={statusColor[need.status]} style={{ verticalAlign: 'middle' }} data-testid="need-status">{labels.status(need.status)}</Tag>
          </>
        }
        subtitle={need.organizationName}
        extra={
          <Space wrap>
            <StepActions need={need} />
            {need.canRecordService ? <Button onClick={() => setRecording(true)}>{t('needs.service.add')}</Button> : null}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card variant="borderless">
              <Descriptions
                bordered
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'category', label: t('needs.field.category'), children: labels.category(need.category) },
                  { key: 'urgency', label: t('needs.field.urgency'), children: labels.urgency(need.urgency) },
                  { key: 'district', label: t('needs.field.district'), children: districtLabel(need.districtCode, locale, need.districtName) || '—' },
                  { key: 'industries', label: t('needs.field.industries'), children: need.industryNames.join('、') || '—' },
                  { key: 'respondBy', label: t('needs.field.respondBy'), children: need.respondBy ?? '—' },
                  { key: 'resolveBy', label: t('needs.field.resolveBy'), children: need.resolveBy ?? '—' },
                  { key: 'deadline', label: t('needs.field.deadline'), children: <DeadlineTag need={need} /> },
                  { key: 'wantedBy', label: t('needs.field.wantedBy'), children: need.wantedBy ?? '—' },
                  ...(need.rating
                    ? [{ key: 'rating', label: t('needs.field.rating'), span: 'filled' as const, children: <Space><Rate disabled value={need.rating} />{need.ratingComment}</Space> }]
                    : []),
                  {
                    key: 'description',
                    label: t('needs.field.description'),
                    span: 'filled',
                    children: need.description ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{need.description}</Typography.Paragraph> : '—',
                  },
                ]}
              />
            </Card>
            <Assignments need={need} />
            {coordinating ? <MatchPanel need={need} /> : null}
            <Card variant="borderless" title={t('needs.serviceRecords')}>
              {need.serviceRecords.length === 0 ? (
                <Empty description={t('needs.noServiceRecords')} />
              ) : (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  scroll={{ x: 520 }}
                  dataSource={need.serviceRecords}
                  columns={[
                    { key: 'servedOn', title: t('needs.service.servedOn'), width: 110, render: (_, r) => r.servedOn },
                    { key: 'kind', title: t('needs.service.kind'), width: 90, render: (_, r) => labels.serviceKind(r.kind) },
                    { key: 'providers', title: t('needs.assignments'), render: (_, r) => r.providers.join('、') },
                    { key: 'people', title: t('needs.service.peopleServed'), width: 90, render: (_, r) => r.peopleServed },
                    { key: 'outcome', title: t('needs.service.outcome'), render: (_, r) => r.outcome },
                  ]}
                />
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card variant="borderless" title={t('needs.timeline')}>
              <Timeline
                data-testid="need-timeline"
                items={need.timeline.map((e) => ({
                  color: e.toStatus === 'rejected' || e.toStatus === 'withdrawn' ? 'red' : 'blue',
                  children: (
                    <>
                      <Typography.Text strong>{labels.action(e.action)}</Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {e.actorName} · {new Date(e.at).toLocaleString(locale)}
                      </Typography.Text>
                      {e.note ? <div>{e.note}</div> : null}
                    </>
                  ),
                }))}
              />
            </Card>
            <Card variant="borderless" title={t('needs.attachments')} extra={<Upload beforeUpload={upload} showUploadList={false}><Button size="small" icon={<UploadOutlined />}>{t('needs.upload')}</Button></Upload>}>
              {need.attachments.length === 0 ? (
                <Typography.Text type="secondary">{t('needs.noAttachments')}</Typography.Text>
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {need.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/needs/${need.id}/attachments/${a.id}`}>{a.fileName}</a> <Typography.Text type="secondary">({Math.ceil(a.size / 1024)} KB)</Typography.Text>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </Space>
        </Col>
      </Row>
      {recording ? <ServiceRecordModal needId={need.id} onClose={() => setRecording(false)} /> : null}
    </>
  );
}
