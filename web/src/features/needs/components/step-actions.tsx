import { App, Button, Form, Input, Modal, Popconfirm, Rate } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useNeedStep, type NeedDetail } from '../api';
import { useNeedLabels } from '../labels';

type StepAction = 'accept' | 'reject' | 'resolve' | 'confirm' | 'reopen' | 'withdraw';
const needsReason: StepAction[] = ['reject', 'reopen'];

/** The workflow buttons the caller may press now (the server's allowedActions); each asks first. */
export function StepActions({ need }: { need: NeedDetail }) {
  const t = useT();
  const labels = useNeedLabels();
  const { message } = App.useApp();
  const step = useNeedStep(need.id);
  const [dialog, setDialog] = useState<StepAction | null>(null);
  const [form] = Form.useForm<{ note?: string; rating?: number }>();
  const actions = need.allowedActions.filter((a): a is StepAction => a !== 'assign' && a !== 'start' && a !== 'decline');

  const run = (action: StepAction, values: { note?: string; rating?: number } = {}) =>
    step.mutate(
      { action, note: values.note?.trim() || undefined, rating: values.rating },
      {
        onSuccess: () => {
          void message.success(t('needs.action.done', { action: labels.action(action) }));
          setDialog(null);
          form.resetFields();
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e, ['note', 'rating'])) void message.error(errorMessage(e, t));
        },
      },
    );

  return (
    <>
      {actions.map((a) =>
        a === 'accept' || a === 'resolve' ? (
          <Popconfirm key={a} title={t('needs.action.confirmTitle', { action: labels.action(a) })} onConfirm={() => run(a)} okText={labels.action(a)} cancelText={t('common.cancel')}>
            <Button type="primary" loading={step.isPending}>
              {labels.action(a)}
            </Button>
          </Popconfirm>
        ) : (
          <Button key={a} type={a === 'confirm' ? 'primary' : 'default'} danger={a === 'withdraw' || a === 'reject'} onClick={() => setDialog(a)}>
            {labels.action(a)}
          </Button>
        ),
      )}
      <Modal
        open={dialog !== null}
        title={dialog ? t('needs.action.confirmTitle', { action: labels.action(dialog) }) : ''}
        okText={dialog ? labels.action(dialog) : ''}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: dialog === 'withdraw' || dialog === 'reject', loading: step.isPending }}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => dialog && run(dialog, v)}>
          {dialog === 'confirm' ? (
            <Form.Item label={t('needs.field.rating')} name="rating" rules={[{ required: true, message: t('needs.action.ratingRequired') }]}>
              <Rate aria-label={t('needs.field.rating')} />
            </Form.Item>
          ) : null}
          <Form.Item
            label={dialog === 'confirm' ? t('needs.action.comment') : dialog && needsReason.includes(dialog) ? t('needs.action.reason') : t('needs.action.note')}
            name="note"
            rules={dialog && needsReason.includes(dialog) ? [{ required: true, whitespace: true, message: t('needs.action.reasonRequired') }] : []}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
