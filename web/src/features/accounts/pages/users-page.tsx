import { CheckCircleOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Badge, Button, Popconfirm, Space, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useCurrentUser } from '../../../app/auth/require-auth';
import { useLocale, useT } from '../../../app/i18n';
import { ListActions, ListPage, useListParams, type RowActions } from '../../../components/list-page';
import { districtLabel } from '../../../lib/districts';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import type { Scope, User } from '../../auth/api';
import { EnumFilter } from '../../directory/components/list-filter-controls';
import { pickOne } from '../../directory/labels';
import { flattenNetworkTree, useNetworkTree } from '../../networks/api';
import { useUnlockUser, userRoles, userStatuses, useUpdateUser, useUsers } from '../api';
import { UserFormModal } from '../components/user-form-modal';

type ModalState = { mode: 'create' } | { mode: 'edit'; user: User } | null;

const filterKeys = ['q', 'role', 'status'] as const;

function isLocked(user: User): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

export function UsersPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const params = useListParams({ filterKeys });
  const { page, pageSize, get } = params;
  const role = pickOne(userRoles, get('role'));
  const status = pickOne(userStatuses, get('status'));
  const users = useUsers({ q: get('q'), role, status, page, pageSize });
  const tree = useNetworkTree();
  const networkNames = useMemo(() => new Map(flattenNetworkTree(tree.data ?? []).map((n) => [n.id, n.name])), [tree.data]);
  const updateUser = useUpdateUser();
  const unlockUser = useUnlockUser();
  const [modal, setModal] = useState<ModalState>(null);

  const setDisabled = (user: User, disabled: boolean) =>
    updateUser.mutateAsync({ id: user.id, changes: { disabled } }).then(
      () => {
        const key = disabled ? 'users.disabledDone' : 'users.enabledDone';
        void message.success(t(key, { name: user.displayName }));
      },
      (error: unknown) => {
        void message.error(errorMessage(error, t));
      },
    );

  const unlock = (user: User) =>
    unlockUser.mutateAsync(user.id).then(
      () => void message.success(t('users.unlockedDone', { name: user.displayName })),
      (error: unknown) => void message.error(errorMessage(error, t)),
    );

  const scopeLabel = (scope: Scope) =>
    scope.kind === 'district'
      ? districtLabel(scope.value, locale)
      : `${t('scopeKind.network')}: ${networkNames.get(scope.value) ?? t('usersAdmin.unknownNetwork')}`;

  const columns: NonNullable<TableProps<User>['columns']> = [
    { key: 'username', dataIndex: 'username', title: t('users.username'), width: 160 },
    {
      key: 'displayName',
      dataIndex: 'displayName',
      title: t('users.displayName'),
      width: 200,
      render: (name: string, user) => (
        <Space size={6}>
          {name}
          {user.id === me.id ? <Tag color="processing">{t('users.you')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'role',
      dataIndex: 'role',
      title: t('users.role'),
      width: 120,
      render: (_, user) => <Tag color={user.role === 'admin' ? 'gold' : 'blue'}>{t(`role.${user.role}`)}</Tag>,
    },
    {
      key: 'scopes',
      title: t('users.scopes'),
      render: (_, user) =>
        // an administrator sees everything, whatever scopes are stored
        user.role === 'admin' ? (
          <Tag color="gold">{t('usersAdmin.allScopes')}</Tag>
        ) : user.scopes.length === 0 ? (
          <Typography.Text type="secondary">{t('usersAdmin.noScope')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {user.scopes.map((scope) => (
              <Tag key={`${scope.kind}:${scope.value}`}>{scopeLabel(scope)}</Tag>
            ))}
          </Space>
        ),
    },
    {
      key: 'status',
      title: t('users.status'),
      width: 200,
      render: (_, user) => {
        if (user.disabled) return <Badge status="default" text={t('users.disabled')} />;
        if (isLocked(user)) {
          return <Badge status="warning" text={t('users.throttled', { time: formatDateTime(user.lockedUntil, locale) })} />;
        }
        return <Badge status="success" text={t('users.active')} />;
      },
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('users.createdAt'),
      width: 190,
      render: (value: string) => formatDateTime(value, locale),
    },
  ];

  // 编辑 from the shared column; 解锁 and 停用 / 启用 after it (no one disables themselves)
  const rowActions: RowActions<User> = {
    onEdit: (user) => setModal({ mode: 'edit', user }),
    width: 220,
    more: (user, compact) => {
      const label = (text: string) => (compact ? { 'aria-label': text, title: text } : { children: text });
      return (
        <>
          {isLocked(user) ? (
            <Button type="link" size="small" icon={<UnlockOutlined />} onClick={() => void unlock(user)} {...label(t('users.unlock'))} />
          ) : null}
          {user.id === me.id ? null : user.disabled ? (
            <Button
              type="link"
              size="small"
              icon={<CheckCircleOutlined />}
              onClick={() => void setDisabled(user, false)}
              {...label(t('users.enable'))}
            />
          ) : (
            <Popconfirm
              title={t('users.disableConfirm', { name: user.displayName })}
              description={t('users.disableConfirmHint')}
              okText={t('users.disable')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => setDisabled(user, true)}
            >
              <Button type="link" size="small" danger icon={<StopOutlined />} {...label(t('users.disable'))} />
            </Popconfirm>
          )}
        </>
      );
    },
  };

  return (
    <ListPage<User>
      title={t('users.title')}
      actions={<ListActions onCreate={() => setModal({ mode: 'create' })} createLabel={t('users.create')} />}
      params={params}
      search={{ placeholder: t('users.searchPlaceholder') }}
      filters={
        <>
          <EnumFilter
            params={params}
            width={160}
            name="role"
            value={role}
            options={userRoles.map((value) => ({ value, label: t(`role.${value}`) }))}
            placeholder={t('usersAdmin.allRoles')}
            label={t('users.role')}
          />
          <EnumFilter
            params={params}
            width={160}
            name="status"
            value={status}
            options={userStatuses.map((value) => ({ value, label: t(`usersAdmin.status.${value}`) }))}
            placeholder={t('usersAdmin.allStatuses')}
            label={t('users.status')}
          />
        </>
      }
      list={users}
      columns={columns}
      rowActions={rowActions}
      emptyText={{ empty: t('users.empty'), filtered: t('users.empty') }}
      totalText={(total) => t('common.total', { total })}
      scrollX={1000}
    >
      {modal ? (
        <UserFormModal user={modal.mode === 'edit' ? modal.user : undefined} onClose={() => setModal(null)} />
      ) : null}
    </ListPage>
  );
}
