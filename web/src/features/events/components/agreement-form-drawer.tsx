import { Form, Input, Select } from 'antd';
import { useLocale, useT } from '../../../app/i18n';
import { FormDrawer, useFormDrawer } from '../../../components/form-drawer';
import { agreementKindLabels, agreementKinds, optionsOf, useAddAgreement, type Agreement } from '../api';

interface Values {
  title: string;
  kind: string;
  signedOn?: string;
  parties?: string;
  commitments?: string;
}
const fields = ['title', 'kind', 'signedOn', 'parties', 'commitments'] as const;
const lines = (text?: string) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/** 记录协议: an agreement signed at the event; parties and commitments one per line ("单位 签字人"). */
export function AgreementFormDrawer({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const drawer = useFormDrawer<Values>({ onClose, fields, renamePath: (p) => p.split('.')[0] ?? p });
  const add = useAddAgreement(eventId);
  const onFinish = (v: Values) =>
    drawer.save(
      add,
      {
        title: v.title.trim(),
        kind: v.kind,
        signedOn: v.signedOn || null,
        parties: lines(v.parties).map((line) => {
          const [name, signatory] = line.split(/\s+/, 2);
          return { name: name!, signatory: signatory ?? null };
        }),
        commitments: lines(v.commitments).map((text) => ({ text })),
      },
      { success: (saved: Agreement) => t('event.agreementCreated', { name: saved.title }) },
    );
  return (
    <FormDrawer drawer={drawer} size={560} title={t('event.addAgreement')} saving={add.isPending}>
      <Form<Values> form={drawer.form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'co_construction' }}>
        <Form.Item label={t('event.agreementTitle')} name="title" rules={[{ required: true, whitespace: true, message: t('event.agreementTitleRequired') }, { max: 300 }]}>
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item label={t('event.agreementKind')} name="kind" rules={[{ required: true }]}>
          <Select options={optionsOf(agreementKinds, agreementKindLabels, locale)} />
        </Form.Item>
        <Form.Item label={t('event.signedOn')} name="signedOn">
          <Input type="date" />
        </Form.Item>
        <Form.Item label={t('event.parties')} name="parties" extra={t('event.partiesHint')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item label={t('event.commitments')} name="commitments" extra={t('event.commitmentsHint')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
