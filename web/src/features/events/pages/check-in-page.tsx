import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../../app/i18n';
import { detailFallback } from '../../../components/detail-header';
import { errorMessage } from '../../../lib/error-message';
import { useCheckIn, useEvent, useWalkIn, type EventDetail } from '../api';
import { QrScanner } from '../components/qr-scanner';

/** The desk at a venue, on a phone: type or scan a personal code; register a walk-in. */
export function CheckInPage() {
  const { id = '' } = useParams();
  const t = useT();
  const query = useEvent(id);
  return detailFallback(query, { listLabel: t('event.title'), listPath: '/events' }) ?? <CheckInDesk event={query.data!} />;
}

function CheckInDesk({ event }: { event: EventDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const checkIn = useCheckIn(event.id);
  const walkIn = useWalkIn(event.id);
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [last, setLast] = useState<{ type: 'success' | 'info' | 'error'; text: string }>();
  const [walkInForm] = Form.useForm<{ venueId: string; name: string; organization?: string }>();

  const submit = (value: string) => {
    const c = value.trim();
    if (!c) return;
    checkIn.mutate(c, {
      onSuccess: (r) => {
        setCode('');
        setLast(
          r.outcome === 'checked_in'
            ? { type: 'success', text: t('event.checkInOk', { name: r.registration.name, venue: r.registration.venueName }) }
            : { type: 'info', text: t('event.checkInAlready', { name: r.registration.name }) },
        );
      },
      onError: (e) => setLast({ type: 'error', text: errorMessage(e, t) }),
    });
  };

  return (
    <div className="tx-checkin" style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={4}>{t('event.checkInTitle', { name: event.title })}</Typography.Title>
      <Link to={`/events/${event.id}`}>{t('event.backToEvent')}</Link>
      <Row gutter={[12, 12]} style={{ margin: '12px 0' }} data-testid="checkin-counts">
        <Col span={8}><Statistic title={t('event.registered')} value={event.outcomes.registered} /></Col>
        <Col span={8}><Statistic title={t('event.checkedIn')} value={event.outcomes.checkedIn} /></Col>
        <Col span={8}><Statistic title={t('event.walkIns')} value={event.outcomes.walkIns} /></Col>
      </Row>
      <Card size="small">
        <Flex gap={8} wrap>
          <Input
            size="large"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={() => submit(code)}
            placeholder={t('event.codePlaceholder')}
            aria-label={t('event.code')}
            autoCapitalize="characters"
            autoComplete="off"
            style={{ flex: '1 1 200px' }}
          />
          <Button size="large" type="primary" loading={checkIn.isPending} onClick={() => submit(code)}>
            {t('event.checkInButton')}
          </Button>
          <Button size="large" onClick={() => setScanning((s) => !s)}>
            {scanning ? t('event.scanStop') : t('event.scan')}
          </Button>
        </Flex>
        {scanning ? (
          <div style={{ marginTop: 12 }}>
            <QrScanner onCode={submit} />
          </div>
        ) : null}
        {last ? <Alert role="status" style={{ marginTop: 12 }} type={last.type} title={last.text} showIcon /> : null}
      </Card>
      <Card size="small" title={t('event.walkIn')} style={{ marginTop: 12 }}>
        <Form
          form={walkInForm}
          layout="vertical"
          initialValues={{ venueId: event.venues[0]?.id }}
          onFinish={(v) =>
            walkIn.mutate(
              { venueId: v.venueId, name: v.name.trim(), organization: v.organization?.trim() || null },
              {
                onSuccess: (r) => {
                  walkInForm.resetFields(['name', 'organization']);
                  void message.success(t('event.walkInOk', { name: r.name }));
                },
                onError: (e) => void message.error(errorMessage(e, t)),
              },
            )
          }
        >
          <Form.Item name="venueId" label={t('event.venue')} rules={[{ required: true, message: t('event.venueRequired') }]}>
            <Select options={event.venues.map((v) => ({ value: v.id, label: v.name }))} />
          </Form.Item>
          <Form.Item name="name" label={t('event.nameLabel')} rules={[{ required: true, whitespace: true, message: t('event.nameLabelRequired') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="organization" label={t('event.organization')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Button htmlType="submit" loading={walkIn.isPending}>
            {t('event.walkIn')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('event.perVenue')} style={{ marginTop: 12 }}>
        {event.outcomes.perVenue.map((v) => (
          <Flex key={v.venueId} justify="space-between">
            <span>{v.name}</span>
            <strong>{v.checkedIn}</strong>
          </Flex>
        ))}
      </Card>
    </div>
  );
}
