import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useLocale, useT } from '../../../app/i18n';
import { FormDrawer, useFormDrawer } from '../../../components/form-drawer';
import { districtOptions } from '../../../lib/districts';
import { DistrictSelect } from '../../directory/components/district-select';
import {
  eventKindLabels,
  eventKinds,
  eventPersonRoleLabels,
  eventPersonRoles,
  hostRoleLabels,
  hostRoles,
  optionsOf,
  toShanghaiInput,
  useCreateEvent,
  useUpdateEvent,
  venueRoles,
  type EventDetail,
} from '../api';

interface Values {
  title: string;
  kind: string;
  startsAt: string;
  endsAt?: string;
  districtCode?: string;
  description?: string;
  requiresApproval: boolean;
  seriesName?: string;
  seriesTotal?: number | null;
  recurrenceMonth?: number | null;
  hosts?: { name: string; role: string }[];
  venues?: { role: string; name: string; districtCode?: string; capacity?: number | null }[];
  groups?: { topic: string; points?: string[] }[];
  people?: { name: string; role: string; topic?: string }[];
}

const fields = ['title', 'kind', 'startsAt', 'endsAt', 'districtCode', 'description', 'requiresApproval', 'seriesName', 'seriesTotal', 'recurrence', 'hosts', 'venues', 'groups', 'people'] as const;
const rename = (p: string) => (p === 'recurrence' ? 'recurrenceMonth' : p);
const empty = (v?: string | null) => (v?.trim() ? v.trim() : null);

/** 新建 / 编辑活动: the basics; on create also hosts, venues, topic groups and people. Times are Shanghai wall-clock times. */
export function EventFormDrawer({ event, onClose, onSaved }: { event?: EventDetail; onClose: () => void; onSaved: (saved: EventDetail) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const drawer = useFormDrawer<Values>({ onClose, fields, renamePath: rename });
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? '');
  const editing = event !== undefined;
  const districts = districtOptions(locale);

  const onFinish = (v: Values) => {
    const basics = {
      title: v.title.trim(),
      kind: v.kind,
      startsAt: v.startsAt,
      endsAt: v.endsAt || null,
      districtCode: v.districtCode ?? null,
      description: empty(v.description),
      requiresApproval: v.requiresApproval,
      seriesName: empty(v.seriesName),
      seriesTotal: v.seriesTotal ?? null,
      recurrence: v.recurrenceMonth ? `FREQ=YEARLY;BYMONTH=${v.recurrenceMonth}` : null,
    };
    if (editing) {
      drawer.save(update, basics, { success: () => t('event.saved'), onSaved });
      return;
    }
    drawer.save(
      create,
      {
        ...basics,
        hosts: (v.hosts ?? []).map((h) => ({ name: h.name.trim(), role: h.role })),
        venues: (v.venues ?? []).map((x) => ({ role: x.role, name: x.name.trim(), districtCode: x.districtCode ?? null, capacity: x.capacity ?? null })),
        groups: (v.groups ?? []).map((g) => ({ topic: g.topic.trim(), points: (g.points ?? []).map((name) => ({ name })) })),
        people: (v.people ?? []).map((p) => ({ name: p.name.trim(), role: p.role, topic: p.role === 'appointed' ? null : empty(p.topic), appointedTo: p.role === 'appointed' ? empty(p.topic) : null })),
      },
      { success: (saved) => t('event.created', { name: saved.title }), onSaved },
    );
  };

  const month = event?.recurrence ? Number(/BYMONTH=(\d+)/.exec(event.recurrence)?.[1]) : null;
  return (
    <FormDrawer drawer={drawer} size={720} title={editing ? event.title : t('event.createTitle')} saving={create.isPending || update.isPending}>
      <Form<Values>
        form={drawer.form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          event
            ? {
                title: event.title,
                kind: event.kind,
                startsAt: toShanghaiInput(event.startsAt),
                endsAt: toShanghaiInput(event.endsAt),
                districtCode: event.districtCode ?? undefined,
                description: event.description ?? undefined,
                requiresApproval: event.requiresApproval,
                seriesName: event.seriesName ?? undefined,
                seriesTotal: event.seriesTotal,
                recurrenceMonth: month,
              }
            : { kind: 'service_day', requiresApproval: false, venues: [{ role: 'main', name: '' }] }
        }
      >
        <Form.Item label={t('event.name')} name="title" rules={[{ required: true, whitespace: true, message: t('event.nameRequired') }, { max: 300 }]}>
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('event.kind')} name="kind" rules={[{ required: true }]}>
              <Select options={optionsOf(eventKinds, eventKindLabels, locale)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('event.district')} name="districtCode">
              <DistrictSelect placeholder={t('form.choose')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('event.startsAt')} name="startsAt" extra={t('event.timeHint')} rules={[{ required: true, message: t('event.timeRequired') }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('event.endsAt')}
              name="endsAt"
              dependencies={['startsAt']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value?: string) => {
                    const start = getFieldValue('startsAt') as string | undefined;
                    if (value && start && value < start) throw new Error(t('event.endBeforeStart'));
                  },
                }),
              ]}
            >
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('event.description')} name="description" rules={[{ max: 10000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item label={t('event.seriesName')} name="seriesName" rules={[{ max: 300 }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item label={t('event.seriesTotal')} name="seriesTotal">
              <InputNumber min={1} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label={t('event.recurrence')} name="recurrenceMonth">
              <Select
                allowClear
                placeholder={t('event.recurrenceNone')}
                options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('event.recurrenceMonth', { month: i + 1 }) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('event.requiresApproval')} name="requiresApproval" valuePropName="checked">
          <Switch />
        </Form.Item>

        {editing ? null : (
          <>
            <Divider titlePlacement="start">{t('event.venues')}</Divider>
            <Form.List
              name="venues"
              rules={[
                {
                  validator: async (_, venues?: { role: string }[]) => {
                    if ((venues ?? []).filter((v) => v?.role === 'main').length > 1) throw new Error(t('event.oneMain'));
                  },
                },
              ]}
            >
              {(items, { add, remove }, { errors }) => (
                <>
                  {items.map((item) => (
                    <Flex key={item.key} gap={8} wrap align="baseline" className="tx-event-row">
                      <Form.Item name={[item.name, 'role']} rules={[{ required: true }]} style={{ width: 110 }}>
                        <Select aria-label={t('event.venueRole')} options={venueRoles.map((r) => ({ value: r, label: r === 'main' ? (locale === 'en' ? 'Main' : '主会场') : locale === 'en' ? 'Branch' : '分会场' }))} />
                      </Form.Item>
                      <Form.Item name={[item.name, 'name']} rules={[{ required: true, whitespace: true, message: t('event.venueNameRequired') }]} style={{ flex: '1 1 180px' }}>
                        <Input placeholder={t('event.venueName')} aria-label={t('event.venueName')} />
                      </Form.Item>
                      <Form.Item name={[item.name, 'districtCode']} style={{ width: 130 }}>
                        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('event.district')} aria-label={t('event.district')} options={districts} />
                      </Form.Item>
                      <Form.Item name={[item.name, 'capacity']} style={{ width: 110 }}>
                        <InputNumber min={1} max={100000} placeholder={t('event.capacity')} aria-label={t('event.capacity')} style={{ width: '100%' }} />
                      </Form.Item>
                      <Button type="text" aria-label={t('event.remove')} icon={<MinusCircleOutlined />} onClick={() => remove(item.name)} />
                    </Flex>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'branch', name: '' })}>
                    {t('event.addVenue')}
                  </Button>
                </>
              )}
            </Form.List>

            <Divider titlePlacement="start">{t('event.hosts')}</Divider>
            <Form.List name="hosts">
              {(items, { add, remove }) => (
                <>
                  {items.map((item) => (
                    <Flex key={item.key} gap={8} wrap align="baseline">
                      <Form.Item name={[item.name, 'name']} rules={[{ required: true, whitespace: true, message: t('event.hostName') }]} style={{ flex: '1 1 220px' }}>
                        <Input placeholder={t('event.hostName')} aria-label={t('event.hostName')} />
                      </Form.Item>
                      <Form.Item name={[item.name, 'role']} rules={[{ required: true }]} style={{ width: 110 }}>
                        <Select aria-label={t('event.hostRole')} options={optionsOf(hostRoles, hostRoleLabels, locale)} />
                      </Form.Item>
                      <Button type="text" aria-label={t('event.remove')} icon={<MinusCircleOutlined />} onClick={() => remove(item.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'host', name: '' })}>
                    {t('event.addHost')}
                  </Button>
                </>
              )}
            </Form.List>

            <Divider titlePlacement="start">{t('event.groups')}</Divider>
            <Form.List name="groups">
              {(items, { add, remove }) => (
                <>
                  {items.map((item) => (
                    <Flex key={item.key} gap={8} wrap align="baseline">
                      <Form.Item name={[item.name, 'topic']} rules={[{ required: true, whitespace: true, message: t('event.topicRequired') }]} style={{ flex: '1 1 160px' }}>
                        <Input placeholder={t('event.topic')} aria-label={t('event.topic')} />
                      </Form.Item>
                      <Form.Item name={[item.name, 'points']} extra={t('event.pointsHint')} style={{ flex: '2 1 220px' }}>
                        <Select mode="tags" open={false} placeholder={t('event.points')} aria-label={t('event.points')} />
                      </Form.Item>
                      <Button type="text" aria-label={t('event.remove')} icon={<MinusCircleOutlined />} onClick={() => remove(item.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ topic: '' })}>
                    {t('event.addGroup')}
                  </Button>
                </>
              )}
            </Form.List>

            <Divider titlePlacement="start">{t('event.people')}</Divider>
            <Form.List name="people">
              {(items, { add, remove }) => (
                <>
                  {items.map((item) => (
                    <Flex key={item.key} gap={8} wrap align="baseline">
                      <Form.Item name={[item.name, 'name']} rules={[{ required: true, whitespace: true, message: t('event.personName') }]} style={{ flex: '1 1 120px' }}>
                        <Input placeholder={t('event.personName')} aria-label={t('event.personName')} />
                      </Form.Item>
                      <Form.Item name={[item.name, 'role']} rules={[{ required: true }]} style={{ width: 140 }}>
                        <Select aria-label={t('event.personRole')} options={optionsOf(eventPersonRoles, eventPersonRoleLabels, locale)} />
                      </Form.Item>
                      <Form.Item name={[item.name, 'topic']} style={{ flex: '2 1 160px' }}>
                        <Input placeholder={t('event.personTopic')} aria-label={t('event.personTopic')} />
                      </Form.Item>
                      <Button type="text" aria-label={t('event.remove')} icon={<MinusCircleOutlined />} onClick={() => remove(item.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'speaker', name: '' })}>
                    {t('event.addPerson')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
