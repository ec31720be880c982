import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Radio, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../../app/i18n';
import { applyFieldErrors } from '../../../lib/form-errors';
import { errorMessage } from '../../../lib/error-message';
import { eventKindLabels, hostRoleLabels, shanghaiText, useCancelMine, usePublicEvent, useRegister, useWords, type Confirmation, type PublicEvent } from '../api';
import { PublicShell } from '../components/public-shell';

const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** A published event for everybody: what, when, where, who hosts it, and the registration form. */
export function PublicEventPage() {
  const { id = '' } = useParams();
  const t = useT();
  const q = usePublicEvent(id);
  return (
    <PublicShell>
      {q.isPending ? <Skeleton active /> : q.isError || !q.data ? <Result status="404" title={t('event.notPublic')} /> : <PublicEventView event={q.data} />}
    </PublicShell>
  );
}

function PublicEventView({ event }: { event: PublicEvent }) {
  const t = useT();
  const words = useWords();
  const [confirmation, setConfirmation] = useState<Confirmation>();
  return (
    <>
      <Typography.Title level={3}>{event.title}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="geekblue">{words(eventKindLabels, event.kind)}</Tag>
        <span>
          {shanghaiText(event.startsAt)}
          {event.endsAt ? ` – ${shanghaiText(event.endsAt).slice(11)}` : ''}
        </span>
      </Space>
      {event.description ? <Typography.Paragraph>{event.description}</Typography.Paragraph> : null}
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        {event.hosts.length ? (
          <Descriptions.Item label={t('event.hosts')}>
            {event.hosts.map((h) => `${words(hostRoleLabels, h.role)}：${h.name}`).join('；')}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('event.venues')}>
          {event.venues.map((v) => (
            <div key={v.id}>
              {v.name}
              {v.districtName ? `（${v.districtName}）` : ''}
            </div>
          ))}
        </Descriptions.Item>
      </Descriptions>
      {event.releases.length ? <PublicReleases releases={event.releases} /> : null}
      {confirmation ? <ConfirmationCard confirmation={confirmation} onChange={setConfirmation} /> : event.status === 'published' && event.venues.length ? <RegistrationForm event={event} onDone={setConfirmation} /> : null}
    </>
  );
}

/** What the event's work-release meeting published: title, body and the attachments' links. */
function PublicReleases({ releases }: { releases: PublicEvent['releases'] }) {
  const t = useT();
  return (
    <Card title={t('meeting.releases')} size="small" style={{ marginBottom: 16 }} data-testid="public-releases">
      {releases.map((r) => (
        <section key={r.id} style={{ marginBottom: 12 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {r.title}
          </Typography.Title>
          {r.planTitle ? <Tag color="green">{r.planTitle}</Tag> : null}
          {r.body ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 4 }}>{r.body}</Typography.Paragraph> : null}
          {r.attachments.map((a) => (
            <div key={a.url} style={{ overflowWrap: 'anywhere' }}>
              <a href={a.url} target="_blank" rel="noreferrer noopener">
                {a.name}
              </a>
            </div>
          ))}
        </section>
      ))}
    </Card>
  );
}

function RegistrationForm({ event, onDone }: { event: PublicEvent; onDone: (c: Confirmation) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ venueId: string; name: string; organization?: string; phone: string; role?: string }>();
  const register = useRegister(event.id);
  return (
    <Card title={t('event.registerTitle')} size="small">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ venueId: event.venues.find((v) => v.role === 'main')?.id ?? event.venues[0]?.id }}
        onFinish={(v) =>
          register.mutate(
            { venueId: v.venueId, name: v.name.trim(), organization: v.organization?.trim() || null, phone: v.phone.trim(), role: v.role?.trim() || null },
            {
              onSuccess: onDone,
              onError: (e) => {
                if (!applyFieldErrors(form, e, ['venueId', 'name', 'organization', 'phone', 'role'])) void message.error(errorMessage(e, t));
              },
            },
          )
        }
      >
        <Form.Item name="venueId" label={t('event.venue')} rules={[{ required: true, message: t('event.venueRequired') }]}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {event.venues.map((v) => (
              <Radio key={v.id} value={v.id}>
                {v.name}{' '}
                {v.capacity != null ? (
                  <Typography.Text type="secondary">{v.taken >= v.capacity ? t('event.full') : t('event.seatsLeft', { n: v.capacity - v.taken })}</Typography.Text>
                ) : null}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="name" label={t('event.nameLabel')} rules={[{ required: true, whitespace: true, message: t('event.nameLabelRequired') }, { max: 100 }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="organization" label={t('event.organization')} rules={[{ max: 200 }]}>
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('event.phone')}
          rules={[
            { required: true, message: t('event.phoneRequired') },
            { pattern: PHONE, message: t('event.phoneInvalid') },
          ]}
        >
          <Input type="tel" autoComplete="tel" inputMode="tel" />
        </Form.Item>
        <Form.Item name="role" label={t('event.role')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending} block>
          {t('event.registerButton')}
        </Button>
      </Form>
    </Card>
  );
}

function ConfirmationCard({ confirmation: c, onChange }: { confirmation: Confirmation; onChange: (c: Confirmation) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const cancel = useCancelMine();
  const text =
    c.status === 'waitlisted'
      ? t('event.confirmationWaitlisted', { n: c.waitlistPosition ?? 1 })
      : c.status === 'pending'
        ? t('event.confirmationPending')
        : c.status === 'cancelled'
          ? t('event.confirmationCancelled')
          : t('event.confirmationRegistered');
  return (
    <Card title={t('event.confirmationTitle')} size="small" data-testid="registration-confirmation">
      <Alert type={c.status === 'cancelled' ? 'warning' : c.status === 'waitlisted' ? 'info' : 'success'} showIcon title={text} data-status={c.status} />
      <div style={{ width: 220, margin: '16px auto' }} aria-label={t('event.yourCode')} dangerouslySetInnerHTML={{ __html: c.qrSvg }} />
      <Typography.Paragraph style={{ textAlign: 'center' }}>
        {t('event.yourCode')}：
        <Typography.Text code copyable data-testid="registration-code">
          {c.code}
        </Typography.Text>
      </Typography.Paragraph>
      <Space wrap style={{ justifyContent: 'center', width: '100%' }}>
        <Button href={`/api/public/registrations/${c.code}/events.ics`}>{t('event.myCalendar')}</Button>
        {c.status !== 'cancelled' && c.status !== 'checked_in' ? (
          <Popconfirm title={t('event.cancelRegistrationConfirm')} onConfirm={() => cancel.mutate(c.code, { onSuccess: onChange, onError: (e) => void message.error(errorMessage(e, t)) })}>
            <Button danger>{t('event.cancelMine')}</Button>
          </Popconfirm>
        ) : null}
      </Space>
    </Card>
  );
}
