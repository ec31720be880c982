import { App, Form, Input, Modal, Select } from 'antd';
import { useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { applyFieldErrors } from '../../../lib/form-errors';
import { roles, type Role, type Scope, type User } from '../../auth/api';
import { useCreateUser, useUpdateUser } from '../api';
import { ScopesEditor } from './scopes-editor';

interface UserFormValues {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  scopes: Scope[];
}

const formFields = ['username', 'displayName', 'password', 'role', 'scopes'] as const;
const passwordMin = 10;

/** Creates a user (no `user`) or edits one. Rendered only while open, so the form starts fresh. */
export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = user !== undefined;

  const onError = (error: unknown) => {
    if (!applyFieldErrors(form, error, formFields)) void message.error(errorMessage(error, t));
  };

  const onFinish = (values: UserFormValues) => {
    const scopes = (values.scopes ?? []).map((scope) => ({ kind: scope.kind, value: scope.value.trim() }));
    if (!editing) {
      create.mutate(
        { ...values, password: values.password ?? '', scopes },
        {
          onSuccess: ({ user: created }) => {
            void message.success(t('users.created', { name: created.displayName }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    update.mutate(
      {
        id: user.id,
        changes: {
          displayName: values.displayName,
          role: values.role,
          scopes,
          ...(values.password ? { password: values.password } : {}),
        },
      },
      {
        onSuccess: ({ user: saved }) => {
          void message.success(t('users.saved', { name: saved.displayName }));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open
      title={editing ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          user
            ? { username: user.username, displayName: user.displayName, role: user.role, scopes: user.scopes }
            : { role: 'viewer', scopes: [] }
        }
        style={{ marginTop: 16 }}
      >
        <Form.Item
          label={t('users.username')}
          name="username"
          rules={
            editing
              ? []
              : [
                  { required: true, whitespace: true, message: t('users.usernameRequired') },
                  { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: t('users.usernamePattern') },
                ]
          }
        >
          <Input autoComplete="off" disabled={editing} autoFocus={!editing} />
        </Form.Item>
        <Form.Item
          label={t('users.displayName')}
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: t('users.displayNameRequired') },
            { max: 64 },
          ]}
        >
          <Input autoComplete="off" autoFocus={editing} />
        </Form.Item>
        <Form.Item
          label={editing ? t('users.newPassword') : t('users.password')}
          name="password"
          extra={editing ? t('users.newPasswordHint') : undefined}
          rules={[
            ...(editing ? [] : [{ required: true, message: t('users.passwordRequired') }]),
            { min: passwordMin, message: t('users.passwordMin') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('users.role')}
          name="role"
          rules={[{ required: true, message: t('users.roleRequired') }]}
        >
          <Select<Role> options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        </Form.Item>
        <ScopesEditor />
      </Form>
    </Modal>
  );
}
