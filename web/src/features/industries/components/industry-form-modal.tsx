import { App, Form, Input, Modal, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { applyFieldErrors } from '../../../lib/form-errors';
import { industryTree, useCreateIndustry, useUpdateIndustry, type Industry, type IndustryTreeNode } from '../api';

interface Values {
  name: string;
  parentId?: string | null;
  description?: string | null;
}

/** An industry and its sub-industries: not offered as the new parent (the server refuses the loop too). */
function without(nodes: IndustryTreeNode[], id: string | undefined): IndustryTreeNode[] {
  return nodes.filter((n) => n.key !== id).map((n) => ({ ...n, children: without(n.children, id) }));
}

/** 新建 / 编辑产业: name, parent (moves it in the taxonomy) and description. */
export function IndustryFormModal({
  industry,
  defaultParentId,
  industries,
  onClose,
}: {
  industry?: Industry;
  defaultParentId?: string;
  industries: readonly Industry[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateIndustry();
  const update = useUpdateIndustry();
  const parents = useMemo(() => without(industryTree(industries), industry?.id), [industries, industry?.id]);
  const pending = create.isPending || update.isPending;

  const onFinish = (values: Values) => {
    const input = { name: values.name.trim(), parentId: values.parentId ?? null, description: values.description?.trim() || null };
    const done = (saved: Industry) => {
      void message.success(t(industry ? 'industryAdmin.saved' : 'industryAdmin.created', { name: saved.name }));
      onClose();
    };
    const failed = (error: unknown) => {
      if (!applyFieldErrors(form, error, ['name', 'parentId', 'description'])) void message.error(errorMessage(error, t));
    };
    if (industry) update.mutate({ id: industry.id, ...input }, { onSuccess: done, onError: failed });
    else create.mutate(input, { onSuccess: done, onError: failed });
  };

  return (
    <Modal
      open
      title={industry ? t('industryAdmin.editTitle', { name: industry.name }) : t('industryAdmin.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={520}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        style={{ marginTop: 16 }}
        initialValues={{ name: industry?.name, parentId: industry ? industry.parentId : (defaultParentId ?? null), description: industry?.description }}
      >
        <Form.Item label={t('industryAdmin.name')} name="name" rules={[{ required: true, whitespace: true, message: t('industryAdmin.nameRequired') }]}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item label={t('industry.parent')} name="parentId" extra={t('industryAdmin.parentHint')}>
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            placeholder={t('industryAdmin.noParent')}
            treeData={parents}
          />
        </Form.Item>
        <Form.Item label={t('industry.description')} name="description">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
