import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { errorMessage } from '../../../lib/error-message';
import { shanghaiToday } from '../../../../../common/shanghai-date';
import { useCalendar, useDeleteCalendarDay, useImportCalendar, useSaveCalendarDay } from '../api';

/** 工作日历 (admin): the holidays and 调休 make-up days that deadlines count over; one at a time or from CSV. */
export function CalendarPage() {
  const t = useT();
  const { message } = App.useApp();
  const [year, setYear] = useState(Number(shanghaiToday().slice(0, 4)));
  const days = useCalendar(year);
  const save = useSaveCalendarDay();
  const remove = useDeleteCalendarDay();
  const importCsv = useImportCalendar();
  const [importing, setImporting] = useState(false);
  const [csv, setCsv] = useState('');
  const [form] = Form.useForm<{ day: Dayjs; working: boolean; name?: string }>();
  const fail = (e: unknown) => void message.error(errorMessage(e, t));

  return (
    <>
      <PageHeader title={t('needs.calendar.title')} subtitle={t('needs.calendar.subtitle')} extra={<Button onClick={() => setImporting(true)}>{t('needs.calendar.import')}</Button>} />
      <Card variant="borderless">
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 16, rowGap: 8 }}
          initialValues={{ working: false }}
          onFinish={(v) =>
            save.mutate(
              { day: v.day.format('YYYY-MM-DD'), working: v.working, name: v.name?.trim() ?? '' },
              { onSuccess: () => { void message.success(t('needs.calendar.saved')); form.resetFields(); }, onError: fail },
            )
          }
        >
          <InputNumber aria-label="year" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          <Form.Item name="day" rules={[{ required: true }]}>
            <DatePicker placeholder={t('needs.calendar.day')} />
          </Form.Item>
          <Form.Item name="working">
            <Select style={{ width: 140 }} options={[{ value: false, label: t('needs.calendar.holiday') }, { value: true, label: t('needs.calendar.workday') }]} />
          </Form.Item>
          <Form.Item name="name">
            <Input placeholder={t('needs.calendar.name')} maxLength={100} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('needs.calendar.add')}
          </Button>
        </Form>
        <Table
          size="small"
          rowKey="day"
          loading={days.isPending}
          dataSource={days.data ?? []}
          pagination={false}
          locale={{ emptyText: t('needs.calendar.empty') }}
          columns={[
            { key: 'day', title: t('needs.calendar.day'), render: (_, d) => d.day },
            { key: 'type', title: t('needs.calendar.type'), render: (_, d) => (d.working ? <Tag color="blue">{t('needs.calendar.workday')}</Tag> : <Tag color="red">{t('needs.calendar.holiday')}</Tag>) },
            { key: 'name', title: t('needs.calendar.name'), render: (_, d) => d.name },
            {
              key: 'x',
              width: 90,
              render: (_, d) => (
                <Popconfirm title={t('needs.calendar.removeConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(d.day, { onError: fail })}>
                  <Button size="small" danger type="link">
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={importing}
        title={t('needs.calendar.import')}
        onCancel={() => setImporting(false)}
        okButtonProps={{ loading: importCsv.isPending, disabled: !csv.trim() }}
        cancelText={t('common.cancel')}
        onOk={() =>
          importCsv.mutate(csv, {
            onSuccess: (r) => {
              void message.success(t('needs.calendar.imported', { n: r.imported }));
              setImporting(false);
              setCsv('');
            },
            onError: fail,
          })
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('needs.calendar.importHint')}</span>
          <Input.TextArea rows={10} value={csv} onChange={(e) => setCsv(e.target.value)} />
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void f.text().then(setCsv);
            }}
          />
        </Space>
      </Modal>
    </>
  );
}
