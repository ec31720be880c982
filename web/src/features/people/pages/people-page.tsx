import { Space, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { ListActions, ListPage, useListParams, useRowEditing } from '../../../components/list-page';
import { districtLabel } from '../../../lib/districts';
import { DistrictFilter, EnumFilter, IndustryFilter, NetworkFilter } from '../../directory/components/list-filter-controls';
import { RecordSelect } from '../../directory/components/record-select';
import { personRoleColors, personRoleLabel, personRoleOptions, personRoles, pickOne } from '../../directory/labels';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useDirectoryRowActions } from '../../directory/use-directory-actions';
import { ExportMenu } from '../../io/components/export-menu';
import { ImportModal } from '../../io/components/import-modal';
import { useOrganization } from '../../organizations/api';
import { personSorts, useDeletePerson, usePeople, usePerson, type PersonListItem } from '../api';
import { PersonFormDrawer } from '../components/person-form-drawer';

const filterKeys = ['q', 'role', 'districtCode', 'industryId', 'networkId', 'organizationId'] as const;

export function PeoplePage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const params = useListParams({ filterKeys, sorts: personSorts, defaultSort: 'name' });
  const { page, pageSize, get, update, sortable } = params;
  const sort = params.sort ?? 'name';
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const editing = useRowEditing(usePerson);
  const rowActions = useDirectoryRowActions<PersonListItem>('person', editing.start, useDeletePerson());

  const filters = {
    q: get('q'),
    role: pickOne(personRoles, get('role')),
    districtCode: get('districtCode'),
    industryId: get('industryId'),
    networkId: get('networkId'),
    organizationId: get('organizationId'),
  };
  const list = usePeople({ ...filters, page, pageSize, sort });
  // the organisation filter shows a name, also when the page is opened from a link
  const filterOrganization = useOrganization(filters.organizationId);

  const columns: NonNullable<TableProps<PersonListItem>['columns']> = [
    {
      key: 'name',
      title: t('person.name'),
      width: 140,
      ...sortable('name'),
      render: (_, row) => (
        <Link to={`/directory/people/${encodeURIComponent(row.id)}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {row.name}
          </Typography.Text>
        </Link>
      ),
    },
    {
      key: 'roles',
      title: t('person.roles'),
      width: 170,
      render: (_, row) => (
        <Space size={[4, 4]} wrap>
          {(row.roles ?? []).map((role) => (
            <Tag key={role} color={personRoleColors[role]}>
              {personRoleLabel(t, role)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'titles',
      title: t('person.titles'),
      ellipsis: { showTitle: true },
      render: (_, row) => row.titles || '—',
    },
    {
      key: 'district',
      title: t('org.district'),
      width: 110,
      render: (_, row) => districtLabel(row.districtCode, locale, row.districtName) || '—',
    },
    { key: 'phone', title: t('person.phone'), width: 140, render: (_, row) => row.phone ?? '—' },
    { key: 'email', title: t('person.email'), width: 190, ellipsis: true, render: (_, row) => row.email ?? '—' },
  ];

  return (
    <ListPage<PersonListItem>
      title={t('person.title')}
      subtitle={t('person.subtitle')}
      actions={
        <ListActions
          onImport={canEdit ? () => setImporting(true) : undefined}
          exportMenu={<ExportMenu kind="people" filters={{ ...filters, sort }} unmaskable />}
          onCreate={canEdit ? () => setCreating(true) : undefined}
          createLabel={t('person.create')}
        />
      }
      params={params}
      search={{ placeholder: t('person.searchPlaceholder') }}
      filters={
        <>
          <EnumFilter
            params={params}
            width={130}
            name="role"
            value={filters.role}
            options={personRoleOptions(t)}
            placeholder={t('filter.allRoles')}
            label={t('person.roles')}
          />
          <DistrictFilter params={params} width={140} />
          <IndustryFilter params={params} width={170} />
          <NetworkFilter params={params} width={200} />
          <RecordSelect
            type="organization"
            value={filters.organizationId}
            known={filterOrganization.data ? [{ id: filterOrganization.data.id, name: filterOrganization.data.name }] : []}
            placeholder={t('filter.organization')}
            aria-label={t('filter.organization')}
            onChange={(organizationId) => update({ organizationId })}
            style={{ width: 200 }}
          />
        </>
      }
      list={list}
      columns={columns}
      rowActions={rowActions}
      emptyText={{ empty: t('person.empty'), filtered: t('person.emptyFiltered') }}
      totalText={(total) => t('person.total', { total })}
      scrollX={1140}
    >
      {creating ? (
        <PersonFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(created) => navigate(`/directory/people/${encodeURIComponent(created.id)}`)}
        />
      ) : null}
      {editing.record ? <PersonFormDrawer person={editing.record} onClose={editing.close} onSaved={() => undefined} /> : null}
      {importing ? <ImportModal kind="people" title={t('person.importTitle')} onClose={() => setImporting(false)} /> : null}
    </ListPage>
  );
}
