import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useCurrentUser } from '../../../app/auth/require-auth';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { districtLabel } from '../../../lib/districts';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { usePageParams } from '../../../lib/use-page-params';
import type { Role, Scope, User } from '../../auth/api';
import { pickOne } from '../../directory/labels';
import { flattenNetworkTree, useNetworkTree } from '../../networks/api';
import { useUnlockUser, userRoles, userStatuses, useUpdateUser, useUsers, type UserStatus } from '../api';
import { UserFormModal } from '../components/user-form-modal';

type ModalState = { mode: 'create' } | { mode: 'edit'; user: User } | null;

function isLocked(user: User): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

export function UsersPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const { page, pageSize, get, update: updateParams } = usePageParams();
  const q = get('q');
  const role = pickOne(userRoles, get('role'));
  const status = pickOne(userStatuses, get('status'));
  const users = useUsers({ q, role, status, page, pageSize });
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

  const columns: TableProps<User>['columns'] = [
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
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      fixed: 'right',
      render: (_, user) => (
        <Space size={0}>
          <Button type="link" onClick={() => setModal({ mode: 'edit', user })}>
            {t('common.edit')}
          </Button>
          {isLocked(user) ? (
            <Button type="link" onClick={() => void unlock(user)}>
              {t('users.unlock')}
            </Button>
          ) : null}
          {user.id === me.id ? null : user.disabled ? (
            <Button type="link" onClick={() => void setDisabled(user, false)}>
              {t('users.enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('users.disableConfirm', { name: user.displayName })}
              description={t('users.disableConfirmHint')}
              okText={t('users.disable')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => setDisabled(user, true)}
            >
              <Button type="link" danger>
                {t('users.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ mode: 'create' })}>
            {t('users.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={q ?? ''}
            defaultValue={q}
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            enterButton={t('common.search')}
            allowClear
            onSearch={(value) => updateParams({ q: value.trim() })}
            style={{ width: 360, maxWidth: '100%' }}
          />
          <Select<Role>
            allowClear
            value={role}
            placeholder={t('usersAdmin.allRoles')}
            aria-label={t('users.role')}
            data-testid="users-role-filter"
            options={userRoles.map((value) => ({ value, label: t(`role.${value}`) }))}
            onChange={(value) => updateParams({ role: value })}
            style={{ width: 160, maxWidth: '100%' }}
          />
          <Select<UserStatus>
            allowClear
            value={status}
            placeholder={t('usersAdmin.allStatuses')}
            aria-label={t('users.status')}
            data-testid="users-status-filter"
            options={userStatuses.map((value) => ({ value, label: t(`usersAdmin.status.${value}`) }))}
            onChange={(value) => updateParams({ status: value })}
            style={{ width: 160, maxWidth: '100%' }}
          />
        </Flex>
        {users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            columns={columns}
            dataSource={users.data?.items ?? []}
            loading={users.isFetching}
            locale={{ emptyText: <Empty description={t('users.empty')} /> }}
            pagination={{
              current: page,
              pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
            onChange={(pagination) =>
              updateParams({
                page: pagination.current,
                pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize,
              })
            }
            scroll={{ x: 1000 }}
          />
        )}
      </Card>
      {modal ? (
        <UserFormModal user={modal.mode === 'edit' ? modal.user : undefined} onClose={() => setModal(null)} />
      ) : null}
    </>
  );
}
