import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n';
import { shanghaiToday } from '../../../../../common/shanghai-date';
import { errorMessage } from '../../../lib/error-message';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useRecordService } from '../api';
import { useNeedLabels } from '../labels';

interface Values {
  servedOn: Dayjs;
  kind: 'technology' | 'education' | 'culture' | 'legal' | 'health' | 'financing' | 'policy' | 'other';
  hours?: number | null;
  peopleServed?: number | null;
  outcome: string;
}

/** 登记服务记录: who served (the accepted assignees by default), when, how, for how many, with what outcome. */
export function ServiceRecordModal({ needId, onClose }: { needId: string; onClose: () => void }) {
  const t = useT();
  const labels = useNeedLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useRecordService(needId);
  const onFinish = (v: Values) =>
    save.mutate(
      { servedOn: v.servedOn.format('YYYY-MM-DD'), kind: v.kind, hours: v.hours ?? null, peopleServed: v.peopleServed ?? 0, outcome: v.outcome.trim() },
      {
        onSuccess: () => {
          void message.success(t('needs.service.saved'));
          onClose();
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e, ['servedOn', 'kind', 'hours', 'peopleServed', 'outcome'])) void message.error(errorMessage(e, t));
        },
      },
    );
  return (
    <Modal open title={t('needs.service.add')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} cancelText={t('common.cancel')} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ servedOn: dayjs(shanghaiToday()), kind: 'technology', peopleServed: 1 }}>
        <Form.Item label={t('needs.service.servedOn')} name="servedOn" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('needs.service.kind')} name="kind" rules={[{ required: true }]}>
          <Select options={labels.serviceKindOptions} />
        </Form.Item>
        <Form.Item label={t('needs.service.hours')} name="hours">
          <InputNumber min={0} max={10000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('needs.service.peopleServed')} name="peopleServed">
          <InputNumber min={0} max={1000000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('needs.service.outcome')} name="outcome" rules={[{ required: true, whitespace: true, message: t('needs.service.outcomeRequired') }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
