import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { FormDrawer, useFormDrawer } from '../../../components/form-drawer';
import type { EventDetail } from '../api';
import { agendaSteps, useAddAgendaItem, useAddRelease, useAgenda, useReleases, useUpdateAgendaItem, type AgendaItem, type Release } from '../meetings-api';

/** A problem-docking meeting's agenda, or a work-release meeting's releases, on the event's page. */
export function MeetingPanel({ event }: { event: EventDetail }) {
  return event.kind === 'problem_meeting' ? <AgendaPanel event={event} /> : <ReleasesPanel event={event} />;
}

function AgendaPanel({ event }: { event: EventDetail }) {
  const t = useT();
  const agenda = useAgenda(event.id);
  const [recording, setRecording] = useState<{ id: string; title: string } | null>(null);
  const [editing, setEditing] = useState<AgendaItem | null>(null);
  const items = agenda.data?.items ?? [];
  const candidates = agenda.data?.candidates ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('meeting.agendaHint')} />
      <Card size="small" title={`${t('meeting.onAgenda')} (${items.length})`}>
        <List<AgendaItem>
          loading={agenda.isLoading}
          dataSource={items}
          locale={{ emptyText: t('meeting.noItems') }}
          renderItem={(i) => (
            <List.Item
              data-testid="agenda-item"
              actions={event.canChange ? [<Button key="edit" size="small" onClick={() => setEditing(i)}>{t('meeting.edit')}</Button>] : []}
            >
              <List.Item.Meta
                title={
                  <>
                    <Link to={`/needs/${i.needId}`}>{i.needTitle}</Link> {i.step ? <Tag color="blue">{t(`meeting.step.${i.step as (typeof agendaSteps)[number]}`)}</Tag> : null}
                  </>
                }
                description={
                  <>
                    <div>{i.answer}</div>
                    <Typography.Text type="secondary">
                      {t('meeting.owner')}：{i.owner}
                      {i.nextDeadline ? ` · ${t('meeting.nextDeadline')}：${i.nextDeadline}` : ''}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={`${t('meeting.candidates')} (${candidates.length})`}>
        <List
          loading={agenda.isLoading}
          dataSource={candidates}
          locale={{ emptyText: t('meeting.noCandidates') }}
          renderItem={(n) => (
            <List.Item
              actions={event.canChange ? [<Button key="record" size="small" onClick={() => setRecording({ id: n.id, title: n.title })}>{t('meeting.record')}</Button>] : []}
            >
              <List.Item.Meta title={<Link to={`/needs/${n.id}`}>{n.title}</Link>} description={n.organizationName} />
            </List.Item>
          )}
        />
      </Card>
      {recording ? <AgendaItemDrawer eventId={event.id} need={recording} onClose={() => setRecording(null)} /> : null}
      {editing ? <AgendaItemEditDrawer eventId={event.id} item={editing} onClose={() => setEditing(null)} /> : null}
    </Space>
  );
}

interface AgendaValues {
  answer: string;
  owner: string;
  nextDeadline?: string;
  step?: string;
}
const agendaFields = ['answer', 'owner', 'nextDeadline', 'step'] as const;

function AgendaItemDrawer({ eventId, need, onClose }: { eventId: string; need: { id: string; title: string }; onClose: () => void }) {
  const t = useT();
  const drawer = useFormDrawer<AgendaValues>({ onClose, fields: agendaFields });
  const add = useAddAgendaItem(eventId);
  const onFinish = (v: AgendaValues) =>
    drawer.save(add, { needId: need.id, answer: v.answer.trim(), owner: v.owner.trim(), nextDeadline: v.nextDeadline || null, step: v.step || null }, {
      success: () => t('meeting.recorded', { name: need.title }),
    });
  return (
    <FormDrawer drawer={drawer} size={520} title={t('meeting.recordTitle', { name: need.title })} saving={add.isPending}>
      <Form<AgendaValues> form={drawer.form} layout="vertical" onFinish={onFinish} initialValues={{ step: '' }}>
        <AgendaAnswerFields autoFocus />
        <Form.Item label={t('meeting.step')} name="step">
          <Select options={[{ value: '', label: t('meeting.stepNone') }, ...agendaSteps.map((s) => ({ value: s, label: t(`meeting.step.${s}`) }))]} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** An agenda item's answer, owner and next deadline: the same fields when it is recorded and when it is changed. */
function AgendaAnswerFields({ autoFocus = false }: { autoFocus?: boolean }) {
  const t = useT();
  return (
    <>
      <Form.Item label={t('meeting.answer')} name="answer" rules={[{ required: true, whitespace: true, message: t('meeting.answerRequired') }, { max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} autoFocus={autoFocus} />
      </Form.Item>
      <Form.Item label={t('meeting.owner')} name="owner" rules={[{ required: true, whitespace: true, message: t('meeting.ownerRequired') }, { max: 200 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('meeting.nextDeadline')} name="nextDeadline" extra={t('meeting.deadlineHint')}>
        <Input type="date" />
      </Form.Item>
    </>
  );
}

/** Change an item's answer, owner or next deadline (a new deadline replaces the owner's reminder). */
function AgendaItemEditDrawer({ eventId, item, onClose }: { eventId: string; item: AgendaItem; onClose: () => void }) {
  const t = useT();
  const drawer = useFormDrawer<AgendaValues>({ onClose, fields: agendaFields });
  const update = useUpdateAgendaItem(eventId);
  const onFinish = (v: AgendaValues) =>
    drawer.save(update, { itemId: item.id, input: { answer: v.answer.trim(), owner: v.owner.trim(), nextDeadline: v.nextDeadline || null } }, {
      success: () => t('meeting.updated', { name: item.needTitle }),
    });
  return (
    <FormDrawer drawer={drawer} size={520} title={t('meeting.editTitle', { name: item.needTitle })} saving={update.isPending}>
      <Form<AgendaValues> form={drawer.form} layout="vertical" onFinish={onFinish} initialValues={{ answer: item.answer, owner: item.owner, nextDeadline: item.nextDeadline ?? '' }}>
        <AgendaAnswerFields />
      </Form>
    </FormDrawer>
  );
}

function ReleasesPanel({ event }: { event: EventDetail }) {
  const t = useT();
  const releases = useReleases(event.id);
  const [adding, setAdding] = useState(false);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {event.canChange ? (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('meeting.addRelease')}
        </Button>
      ) : null}
      <List<Release>
        loading={releases.isLoading}
        dataSource={releases.data ?? []}
        locale={{ emptyText: t('meeting.noReleases') }}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {r.title} {r.planTitle ? <Tag color="green">{r.planTitle}</Tag> : null}
                </>
              }
              description={
                <>
                  {r.body ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{r.body}</Typography.Paragraph> : null}
                  {r.attachments.map((a) => (
                    <div key={a.url}>
                      <a href={a.url} target="_blank" rel="noreferrer noopener">
                        {a.name}
                      </a>
                    </div>
                  ))}
                </>
              }
            />
          </List.Item>
        )}
      />
      {adding ? <ReleaseDrawer event={event} onClose={() => setAdding(false)} /> : null}
    </Space>
  );
}

interface ReleaseValues {
  title: string;
  body?: string;
  attachments?: string;
  planId?: string;
}
const releaseFields = ['title', 'body', 'attachments', 'planId'] as const;

function ReleaseDrawer({ event, onClose }: { event: EventDetail; onClose: () => void }) {
  const t = useT();
  const drawer = useFormDrawer<ReleaseValues>({ onClose, fields: releaseFields, renamePath: (p) => p.split('.')[0] ?? p });
  const add = useAddRelease(event.id);
  const plans = event.agreements.filter((a) => a.kind === 'plan');
  const onFinish = (v: ReleaseValues) =>
    drawer.save(
      add,
      {
        title: v.title.trim(),
        body: v.body?.trim() ?? '',
        attachments: (v.attachments ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((line) => {
            const m = /^(.*?)\s+(\S+)$/.exec(line);
            return m ? { name: m[1]!, url: m[2]! } : { name: line, url: line };
          }),
        planId: v.planId || null,
      },
      { success: (saved: Release) => t('meeting.released', { name: saved.title }) },
    );
  return (
    <FormDrawer drawer={drawer} size={560} title={t('meeting.addRelease')} saving={add.isPending}>
      <Form<ReleaseValues> form={drawer.form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('meeting.releaseTitle')} name="title" rules={[{ required: true, whitespace: true, message: t('meeting.releaseTitleRequired') }, { max: 300 }]}>
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item label={t('meeting.releaseBody')} name="body">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
        </Form.Item>
        <Form.Item label={t('meeting.attachments')} name="attachments" extra={t('meeting.attachmentsHint')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label={t('meeting.plan')} name="planId" extra={t('meeting.planHint')}>
          <Select allowClear options={plans.map((p) => ({ value: p.id, label: p.title }))} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
