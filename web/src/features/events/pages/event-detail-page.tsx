import { CalendarOutlined, DownloadOutlined, PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, List, Popconfirm, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { DetailHeader, detailFallback } from '../../../components/detail-header';
import { errorMessage } from '../../../lib/error-message';
import { districtLabel } from '../../../lib/districts';
import {
  agreementKindLabels,
  eventKindLabels,
  eventPersonRoleLabels,
  eventStatusLabels,
  figureQualifierLabels,
  hostRoleLabels,
  registrationStatusLabels,
  shanghaiText,
  useEvent,
  useNextOccurrence,
  useRegistrations,
  useRegistrationStatus,
  useUpdateEvent,
  useWords,
  type EventDetail,
  type Registration,
} from '../api';
import { AgreementFormDrawer } from '../components/agreement-form-drawer';
import { EventFormDrawer } from '../components/event-form-drawer';
import { EventReportView } from '../components/event-report-view';
import { MeetingPanel } from '../components/meeting-panel';
import { ReportSources } from '../../ingest/components/report-sources';
import { EventRouteCard } from '../../map/components/event-route-card';

export function EventDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const query = useEvent(id);
  const trail = { listLabel: t('event.title'), listPath: '/events' };
  return detailFallback(query, trail) ?? <EventDetailView event={query.data!} />;
}

function EventDetailView({ event }: { event: EventDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const words = useWords();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [addingAgreement, setAddingAgreement] = useState(false);
  const update = useUpdateEvent(event.id);
  const next = useNextOccurrence(event.id);
  const setStatus = (status: string) => update.mutate({ status }, { onError: (e) => void message.error(errorMessage(e, t)) });
  const o = event.outcomes;

  const actions = event.canChange ? (
    <Space wrap>
      {event.status === 'draft' ? (
        <Button type="primary" onClick={() => setStatus('published')}>
          {t('event.publish')}
        </Button>
      ) : null}
      {event.status === 'published' ? <Button onClick={() => setStatus('finished')}>{t('event.finish')}</Button> : null}
      {event.status !== 'cancelled' && event.status !== 'finished' ? (
        <Popconfirm title={t('event.cancelConfirm')} onConfirm={() => setStatus('cancelled')}>
          <Button danger>{t('event.cancel')}</Button>
        </Popconfirm>
      ) : null}
      {event.seriesId ? (
        <Button
          icon={<PlusOutlined />}
          loading={next.isPending}
          onClick={() =>
            next.mutate(undefined, {
              onSuccess: (created) => {
                void message.success(t('event.nextCreated', { name: created.title }));
                void navigate(`/events/${created.id}`);
              },
              onError: (e) => void message.error(errorMessage(e, t)),
            })
          }
        >
          {t('event.next')}
        </Button>
      ) : null}
      <Link to={`/events/${event.id}/check-in`}>
        <Button icon={<QrcodeOutlined />}>{t('event.checkIn')}</Button>
      </Link>
    </Space>
  ) : null;

  const overview = (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('event.kind')}>{words(eventKindLabels, event.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('event.status')}>{words(eventStatusLabels, event.status)}</Descriptions.Item>
        <Descriptions.Item label={t('event.startsAt')}>{shanghaiText(event.startsAt)}</Descriptions.Item>
        <Descriptions.Item label={t('event.endsAt')}>{shanghaiText(event.endsAt) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('event.district')}>{districtLabel(event.districtCode, locale, event.districtName) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('event.series')}>
          {event.seriesName ? `${event.seriesName}${event.sequence ? ` · ${t('event.sequence', { n: event.sequence })}` : ''}` : '—'}
        </Descriptions.Item>
        {event.description ? <Descriptions.Item label={t('event.description')} span={2}>{event.description}</Descriptions.Item> : null}
        {event.note ? <Descriptions.Item label={t('event.note')} span={2}>{event.note}</Descriptions.Item> : null}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('event.outcomes')}
      </Typography.Title>
      <Row gutter={[16, 16]} data-testid="event-outcomes">
        <Col xs={12} sm={8} md={4}><Statistic title={t('event.registered')} value={o.registered} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('event.waitlisted')} value={o.waitlisted} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('event.checkedIn')} value={o.checkedIn} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('event.walkIns')} value={o.walkIns} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('event.agreementCount')} value={o.agreements} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('meeting.releaseCount')} value={o.releases} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('meeting.needsRaised')} value={o.needsRaised} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('meeting.needsResolved')} value={o.needsResolved} /></Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('event.figures')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 600 }}
        data-testid="event-figures"
        locale={{ emptyText: t('event.noFigures') }}
        dataSource={event.figures}
        columns={[
          { key: 'label', title: t('event.name'), dataIndex: 'label' },
          {
            key: 'claimed',
            title: t('event.figureClaimed'),
            render: (_, f) => `${locale === 'en' ? `${words(figureQualifierLabels, f.qualifier)} ${f.value}` : `${f.value}${words(figureQualifierLabels, f.qualifier)}`}${f.unit}`,
          },
          { key: 'recorded', title: t('event.figureRecorded'), render: (_, f) => (f.recorded == null ? <Typography.Text type="secondary">{t('event.figureNotCounted')}</Typography.Text> : f.recorded) },
          { key: 'quote', title: t('event.figureSource'), ellipsis: true, render: (_, f) => f.quote ?? f.source ?? '—' },
        ]}
      />
    </>
  );

  const venues = (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={event.venues}
      columns={[
        { key: 'name', title: t('event.venueName'), render: (_, v) => <>{v.role === 'main' ? <Tag color="red">{locale === 'en' ? 'Main' : '主会场'}</Tag> : null}{v.name}</> },
        { key: 'district', title: t('event.district'), render: (_, v) => v.districtName ?? '—' },
        { key: 'capacity', title: t('event.capacity'), render: (_, v) => v.capacity ?? t('event.capacityUnlimited') },
        { key: 'taken', title: t('event.registered'), dataIndex: 'taken' },
        { key: 'waitlisted', title: t('event.waitlisted'), dataIndex: 'waitlisted' },
        { key: 'checkedIn', title: t('event.checkedIn'), dataIndex: 'checkedIn' },
        ...(event.canChange ? [{ key: 'code', title: t('event.venueCode'), render: (_: unknown, v: EventDetail['venues'][number]) => <Typography.Text code copyable>{v.checkinCode}</Typography.Text> }] : []),
      ]}
    />
  );

  const items = [
    { key: 'overview', label: t('event.overview'), children: overview },
    {
      key: 'hosts',
      label: `${t('event.hosts')} (${event.hosts.length})`,
      children: <List size="small" dataSource={event.hosts} locale={{ emptyText: t('event.noneYet') }} renderItem={(h) => <List.Item><Tag>{words(hostRoleLabels, h.role)}</Tag>{h.organizationId ? <Link to={`/directory/organizations/${h.organizationId}`}>{h.name}</Link> : h.name}</List.Item>} />,
    },
    { key: 'venues', label: `${t('event.venues')} (${event.venues.length})`, children: venues },
    {
      key: 'groups',
      label: `${t('event.groups')} (${event.groups.length})`,
      children: (
        <List
          dataSource={event.groups}
          locale={{ emptyText: t('event.noneYet') }}
          renderItem={(g) => (
            <List.Item>
              <List.Item.Meta
                title={g.topic}
                description={
                  <>
                    <div>{t('event.experts')}：{g.experts.map((x) => x.name).join('、') || '—'}</div>
                    <div>{t('event.points')}：{g.points.map((p) => p.name).join('、') || '—'}</div>
                    {g.note ? <div>{g.note}</div> : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      ),
    },
    {
      key: 'people',
      label: `${t('event.people')} (${event.people.length})`,
      children: <List size="small" dataSource={event.people} locale={{ emptyText: t('event.noneYet') }} renderItem={(p) => <List.Item><Tag>{words(eventPersonRoleLabels, p.role)}</Tag>{p.personId ? <Link to={`/directory/people/${p.personId}`}>{p.name}</Link> : p.name}{p.topic ? `：${p.topic}` : ''}{p.appointedTo ? `：${p.appointedTo}` : ''}</List.Item>} />,
    },
    ...(event.kind === 'problem_meeting' || event.kind === 'release_meeting'
      ? [{ key: 'meeting', label: t(event.kind === 'problem_meeting' ? 'meeting.agenda' : 'meeting.releases'), children: <MeetingPanel event={event} /> }]
      : []),
    { key: 'report', label: t('event.report'), children: <EventReportView event={event} /> },
    { key: 'registrations', label: `${t('event.registrations')} (${o.registered + o.waitlisted})`, children: <RegistrationsTab event={event} /> },
    {
      key: 'agreements',
      label: `${t('event.agreements')} (${event.agreements.length})`,
      children: (
        <>
          {event.canChange ? (
            <Button icon={<PlusOutlined />} onClick={() => setAddingAgreement(true)} style={{ marginBottom: 12 }}>
              {t('event.addAgreement')}
            </Button>
          ) : null}
          <List
            dataSource={event.agreements}
            locale={{ emptyText: t('event.noAgreements') }}
            renderItem={(a) => (
              <List.Item>
                <List.Item.Meta
                  title={<>{a.title} <Tag>{words(agreementKindLabels, a.kind)}</Tag></>}
                  description={
                    <>
                      <div>{t('event.signedOn')}：{a.signedOn ?? '—'}{a.reviewDueOn ? ` · ${t('event.reviewDue', { date: a.reviewDueOn })}` : ''}</div>
                      <div>{t('event.parties')}：{a.parties.map((p) => (p.signatory ? `${p.name}（${p.signatory}）` : p.name)).join('、') || '—'}</div>
                      {a.commitments.length ? <div>{t('event.commitments')}：{a.commitments.map((c) => c.text).join('；')}</div> : null}
                      {a.note ? <div>{a.note}</div> : null}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      ),
    },
  ];

  return (
    <>
      <DetailHeader
        trail={{ listLabel: t('event.title'), listPath: '/events' }}
        name={event.title}
        title={<>{event.title} <Tag color="geekblue">{words(eventKindLabels, event.kind)}</Tag><Tag>{words(eventStatusLabels, event.status)}</Tag></>}
        subtitle={
          <>
            {shanghaiText(event.startsAt)}
            {event.status !== 'draft' ? (
              <>
                {' · '}
                <Link to={`/public/events/${event.id}`}>
                  <CalendarOutlined /> {t('event.publicPage')}
                </Link>
              </>
            ) : null}
          </>
        }
        onEdit={event.canChange ? () => setEditing(true) : undefined}
        extra={actions}
      />
      <Card variant="borderless">
        <Tabs items={items} />
      </Card>
      <ReportSources entityType="event" entityId={event.id} />
      <EventRouteCard eventId={event.id} canChange={event.canChange} />
      {editing ? <EventFormDrawer event={event} onClose={() => setEditing(false)} onSaved={() => undefined} /> : null}
      {addingAgreement ? <AgreementFormDrawer eventId={event.id} onClose={() => setAddingAgreement(false)} /> : null}
    </>
  );
}

function RegistrationsTab({ event }: { event: EventDetail }) {
  const t = useT();
  const words = useWords();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const list = useRegistrations(event.id, { page, pageSize: 20 });
  const setStatus = useRegistrationStatus(event.id);
  const act = (registrationId: string, status: 'approved' | 'cancelled') =>
    setStatus.mutate({ registrationId, status }, { onError: (e) => void message.error(errorMessage(e, t)) });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={`/api/events/${event.id}/registrations.xlsx`}>
          {t('event.registrationsExport')}
        </Button>
        <Button icon={<DownloadOutlined />} href={`/api/events/${event.id}/registrations.csv`}>
          CSV
        </Button>
        {event.outcomes.perVenue.map((v) => (
          <Tag key={v.venueId}>
            {v.name}：{t('event.checkedIn')} {v.checkedIn}
          </Tag>
        ))}
      </Space>
      <Table<Registration>
        size="small"
        rowKey="id"
        loading={list.isPending}
        scroll={{ x: 900 }}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('event.noneYet')} /> }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { key: 'name', title: t('event.nameLabel'), dataIndex: 'name' },
          { key: 'org', title: t('event.organization'), render: (_, r) => r.organization ?? '—' },
          { key: 'phone', title: t('event.phone'), render: (_, r) => r.phone ?? '—' },
          { key: 'venue', title: t('event.venue'), dataIndex: 'venueName' },
          { key: 'status', title: t('event.status'), render: (_, r) => <Tag>{words(registrationStatusLabels, r.status)}</Tag> },
          { key: 'at', title: t('event.registeredAt'), render: (_, r) => shanghaiText(r.createdAt) },
          { key: 'in', title: t('event.checkedInAt'), render: (_, r) => shanghaiText(r.checkedInAt) || '—' },
          ...(event.canChange
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, r: Registration) => (
                    <Space>
                      {r.status === 'pending' ? <Button size="small" onClick={() => act(r.id, 'approved')}>{t('event.approve')}</Button> : null}
                      {r.status !== 'cancelled' && r.status !== 'checked_in' ? (
                        <Popconfirm title={t('event.cancelRegistrationConfirm')} onConfirm={() => act(r.id, 'cancelled')}>
                          <Button size="small" danger>{t('event.cancelRegistration')}</Button>
                        </Popconfirm>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
