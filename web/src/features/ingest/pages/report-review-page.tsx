import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Result, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { organizationKinds } from '../../../../../common/domain';
import { inferOrganizationKind } from '../../../../../common/organization-kind-inference';
import { agreementKinds, eventKindLabels, eventKinds, figureQualifierLabels, figureQualifiers } from '../../../../../common/events-vocabulary';
import { districtCodeByName } from '../../../../../common/validators';
import { useLocale, useT } from '../../../app/i18n';
import { districtOptions } from '../../../lib/districts';
import { errorMessage } from '../../../lib/error-message';
import { organizationKindLabel } from '../../directory/labels';
import { applyFieldErrors } from '../../../lib/form-errors';
import { eventKindOfReport, useConfirmReport, useLink, useReport, type ConfirmReportBody, type ConfirmResult, type LinkResult, type ReportDetail } from '../api';
import { HighlightedText } from '../components/highlighted-text';

type OrgRole = 'host' | 'organizer' | 'guide' | 'mentioned';
interface FormValues {
  title: string;
  kind: (typeof eventKinds)[number];
  date: string;
  districtCode: string | null;
  venue: string;
  organizations: { name: string; role: OrgRole; link: string; kind: (typeof organizationKinds)[number] }[];
  people: { name: string; title: string; link: string }[];
  figures: { label: string; value: number; qualifier: (typeof figureQualifiers)[number]; unit: string }[];
  agreements: { title: string; kind: (typeof agreementKinds)[number]; parties: string[] }[];
}
const NEW = '__new';
const KEEP = '__keep';

/** The extraction's organisations with their roles (主办 / 承办 / 指导 first; a name once). */
function orgsOf(x: ReportDetail['extraction']): { name: string; role: OrgRole }[] {
  const seen = new Set<string>();
  const out: { name: string; role: OrgRole }[] = [];
  const add = (names: string[], role: OrgRole) => names.forEach((name) => !seen.has(name) && (seen.add(name), out.push({ name, role })));
  add(x.organizers, 'host');
  add(x.undertakers, 'organizer');
  add(x.guiding_units, 'guide');
  add(x.organizations_mentioned, 'mentioned');
  return out;
}

function initialValues(report: ReportDetail, orgs: { name: string; role: OrgRole }[], link: LinkResult): FormValues {
  const x = report.extraction;
  const figures: FormValues['figures'] = [];
  if (x.participant_count != null) figures.push({ label: '参加人数', value: x.participant_count, qualifier: 'more_than', unit: '人' });
  for (const n of x.numbers) figures.push({ label: n.label, value: n.value, qualifier: 'exact', unit: '' });
  return {
    title: x.title ?? '',
    kind: eventKindOfReport[x.event_type],
    date: x.event_date ?? '',
    districtCode: (x.district ? districtCodeByName(x.district) : undefined) ?? report.districtCode,
    venue: x.venue ?? '',
    // exact and alias matches are linked; a near one is proposed (the coordinator checks it); else new
    // a new record's kind is guessed from its name; the coordinator sees it and may change it
    organizations: orgs.map((o, i) => ({ ...o, link: link.organizations[i]?.candidates[0]?.id ?? NEW, kind: inferOrganizationKind(o.name) })),
    people: x.people.map((p, i) => ({ name: p.name, title: p.title ?? '', link: link.people[i]?.match === 'exact' ? link.people[i]!.candidates[0]!.id : KEEP })),
    figures,
    agreements: x.agreements.map((a) => ({ title: `${a.parties.join('、')}${a.type}`.slice(0, 300) || a.type, kind: 'co_construction', parties: a.parties })),
  };
}

export function ReportReviewPage() {
  const { id = '' } = useParams();
  const t = useT();
  const report = useReport(id);
  const orgs = useMemo(() => (report.data ? orgsOf(report.data.extraction) : []), [report.data]);
  const link = useLink(
    report.data,
    orgs.map((o) => o.name),
    report.data?.extraction.people ?? [],
  );
  const [done, setDone] = useState<ConfirmResult | null>(null);
  if (report.isError) return <Alert type="error" showIcon message={errorMessage(report.error, t)} />;
  if (link.isError) return <Alert type="error" showIcon message={errorMessage(link.error, t)} />;
  if (!report.data || (report.data.status === 'draft' && !link.data)) return <Skeleton active />;
  const r = report.data;
  const eventId = done?.eventId ?? r.eventId;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/reports">{t('report.back')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('report.review')} <Tag color={r.status === 'confirmed' || done ? 'green' : 'gold'}>{t(`report.status.${done ? 'confirmed' : r.status}`)}</Tag>
      </Typography.Title>
      {eventId ? (
        <Result
          status="success"
          title={t('report.confirmed')}
          data-testid="report-confirmed"
          extra={
            <Link to={`/events/${eventId}`}>
              <Button type="primary">{t('report.openEvent')}</Button>
            </Link>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('report.text')}>
            <Typography.Paragraph type="secondary">{t('report.textHelp')}</Typography.Paragraph>
            {r.encoding ? <Typography.Paragraph type="secondary">{`${t('report.encoding')}: ${r.encoding}`}</Typography.Paragraph> : null}
            {r.extraction.repairs.length ? (
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                message={t('report.repairs')}
                description={r.extraction.repairs.map((x) => `${x.from} → ${x.to}${x.doubtful ? ' (?)' : ''}`).join('；')}
              />
            ) : null}
            <HighlightedText text={r.extraction.text} evidence={r.extraction.evidence} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          {!eventId && link.data ? <ReviewForm report={r} orgs={orgs} link={link.data} onDone={setDone} /> : null}
        </Col>
      </Row>
    </Space>
  );
}

function ReviewForm({ report, orgs, link, onDone }: { report: ReportDetail; orgs: { name: string; role: OrgRole }[]; link: LinkResult; onDone: (r: ConfirmResult) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const confirm = useConfirmReport(report.id);
  const initial = useMemo(() => initialValues(report, orgs, link), [report, orgs, link]);
  const words = (l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);
  const candidatesOf = (name: string) => link.organizations.find((o) => o.name === name);
  const required = [{ required: true, whitespace: true, message: t('report.nameRequired') }];

  const submit = (v: FormValues) => {
    const body: ConfirmReportBody = {
      title: v.title,
      kind: v.kind,
      date: v.date ? v.date : null,
      districtCode: v.districtCode ?? null,
      venue: v.venue?.trim() ? v.venue.trim() : null,
      organizations: (v.organizations ?? []).map((o) => ({ name: o.name, role: o.role, organizationId: o.link === NEW ? null : o.link, kind: o.link === NEW ? o.kind : undefined })),
      people: (v.people ?? []).map((p) => ({ name: p.name, title: p.title || null, personId: p.link === NEW || p.link === KEEP ? null : p.link, create: p.link === NEW })),
      figures: (v.figures ?? []).map((f) => ({ label: f.label, value: f.value, qualifier: f.qualifier, unit: f.unit ?? '' })),
      agreements: (v.agreements ?? []).map((a) => ({ title: a.title, kind: a.kind, parties: a.parties ?? [] })),
    };
    confirm.mutate(body, {
      onSuccess: onDone,
      onError: (e) => {
        if (!applyFieldErrors(form, e, ['title', 'kind', 'date', 'districtCode', 'venue', 'organizations', 'people', 'figures', 'agreements'], (p) => p.replace(/\.organizationId$/, '.link')))
          void message.error(errorMessage(e, t));
      },
    });
  };

  return (
    <Card variant="borderless" title={t('report.records')}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="report-form">
        <Form.Item name="title" label={t('report.eventTitle')} rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={24} sm={12}>
            <Form.Item name="date" label={t('report.date')} extra={t('report.dateHelp')} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('report.dateInvalid') }]}>
              <Input placeholder="YYYY-MM-DD" allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('report.kind')}>
              <Select options={eventKinds.map((k) => ({ value: k, label: words(eventKindLabels[k]) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="districtCode" label={t('report.district')}>
              <Select allowClear showSearch optionFilterProp="label" options={districtOptions(locale)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="venue" label={t('report.venue')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('report.organizations')}</Typography.Title>
        <Form.List name="organizations">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const name = form.getFieldValue(['organizations', f.name, 'name']) as string | undefined;
                const found = name ? candidatesOf(name) : undefined;
                return (
                  <Card key={f.key} size="small" style={{ marginBottom: 8 }} data-testid="report-org">
                    <Form.Item name={[f.name, 'name']} label={t('report.organizations')} rules={required} style={{ marginBottom: 8 }}>
                      <Input />
                    </Form.Item>
                    <Row gutter={8}>
                      <Col xs={24} sm={8}>
                        <Form.Item name={[f.name, 'role']} label={t('report.orgRole')} style={{ marginBottom: 8 }}>
                          <Select options={(['host', 'organizer', 'guide', 'mentioned'] as const).map((v) => ({ value: v, label: t(`report.orgRole.${v}`) }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={20} sm={14}>
                        <Form.Item
                          name={[f.name, 'link']}
                          label={t('report.link')}
                          extra={found ? t(`report.match.${found.match}`) : undefined}
                          style={{ marginBottom: 8 }}
                        >
                          <Select options={[...(found?.candidates ?? []).map((c) => ({ value: c.id, label: c.name })), { value: NEW, label: t('report.linkNew') }]} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} sm={2} style={{ display: 'flex', alignItems: 'center' }}>
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('report.remove')} onClick={() => remove(f.name)} />
                      </Col>
                    </Row>
                    <Form.Item noStyle dependencies={[['organizations', f.name, 'link']]}>
                      {() =>
                        form.getFieldValue(['organizations', f.name, 'link']) === NEW ? (
                          <Form.Item name={[f.name, 'kind']} label={t('report.orgKind')} extra={t('report.orgKindHelp')} style={{ marginBottom: 8 }}>
                            <Select data-testid="report-org-kind" options={organizationKinds.map((k) => ({ value: k, label: organizationKindLabel(t, k) }))} />
                          </Form.Item>
                        ) : null
                      }
                    </Form.Item>
                  </Card>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', role: 'mentioned', link: NEW, kind: 'other' })} style={{ marginBottom: 16 }}>
                {t('report.add')}
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5}>{t('report.people')}</Typography.Title>
        <Form.List name="people">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => {
                const cands = link.people[i]?.candidates ?? [];
                return (
                  <Row gutter={8} key={f.key} data-testid="report-person">
                    <Col xs={8} sm={5}>
                      <Form.Item name={[f.name, 'name']} rules={required} style={{ marginBottom: 8 }}>
                        <Input aria-label={t('report.people')} />
                      </Form.Item>
                    </Col>
                    <Col xs={16} sm={10}>
                      <Form.Item name={[f.name, 'title']} style={{ marginBottom: 8 }}>
                        <Input aria-label={t('report.personTitle')} placeholder={t('report.personTitle')} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} sm={7}>
                      <Form.Item name={[f.name, 'link']} style={{ marginBottom: 8 }}>
                        <Select
                          aria-label={t('report.link')}
                          options={[
                            { value: KEEP, label: t('report.personKeep') },
                            ...cands.map((c) => ({ value: c.id, label: c.name })),
                            { value: NEW, label: t('report.personCreate') },
                          ]}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={4} sm={2}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('report.remove')} onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', title: '', link: KEEP })} style={{ marginBottom: 16 }}>
                {t('report.add')}
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5}>{t('report.figures')}</Typography.Title>
        <Form.List name="figures">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} data-testid="report-figure">
                  <Col xs={24} sm={9}>
                    <Form.Item name={[f.name, 'label']} rules={required} style={{ marginBottom: 8 }}>
                      <Input aria-label={t('report.figureLabel')} placeholder={t('report.figureLabel')} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} sm={5}>
                    <Form.Item name={[f.name, 'value']} rules={[{ required: true, message: t('report.figureValue') }]} style={{ marginBottom: 8 }}>
                      <InputNumber aria-label={t('report.figureValue')} min={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} sm={5}>
                    <Form.Item name={[f.name, 'qualifier']} style={{ marginBottom: 8 }}>
                      <Select aria-label={t('report.figureQualifier')} options={figureQualifiers.map((q) => ({ value: q, label: words(figureQualifierLabels[q]) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={5} sm={3}>
                    <Form.Item name={[f.name, 'unit']} style={{ marginBottom: 8 }}>
                      <Input aria-label={t('report.figureUnit')} placeholder={t('report.figureUnit')} />
                    </Form.Item>
                  </Col>
                  <Col xs={3} sm={2}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('report.remove')} onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ label: '', value: 0, qualifier: 'exact', unit: '' })} style={{ marginBottom: 16 }}>
                {t('report.add')}
              </Button>
            </>
          )}
        </Form.List>

        {initial.agreements.length ? (
          <>
            <Typography.Title level={5}>{t('report.agreements')}</Typography.Title>
            <Form.List name="agreements">
              {(fields, { remove }) =>
                fields.map((f) => (
                  <Row gutter={8} key={f.key}>
                    <Col xs={20} sm={22}>
                      <Form.Item name={[f.name, 'title']} rules={required} extra={`${t('report.parties')}: ${(form.getFieldValue(['agreements', f.name, 'parties']) as string[] | undefined)?.join('、') ?? ''}`}>
                        <Input aria-label={t('report.agreements')} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} sm={2}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('report.remove')} onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))
              }
            </Form.List>
          </>
        ) : null}

        <Popconfirm title={t('report.confirmAsk')} onConfirm={() => form.submit()} okText={t('report.confirm')}>
          <Button type="primary" block loading={confirm.isPending}>
            {t('report.confirm')}
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}
