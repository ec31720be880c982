import { App, Button, Card, Descriptions, Flex, Form, Select, Space, Spin } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { request } from '../../../lib/api';
import { errorMessage } from '../../../lib/error-message';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { NetworkSelect } from '../../directory/components/network-select';
import { RecordSelect } from '../../directory/components/record-select';
import { useSearch } from '../../search/api';
import { usePlaceCard } from '../api';

interface Relations {
  parentPlaceId: string | null;
  operatorOrganizationId: string | null;
  networkIds: string[];
}

/** A place picked by typing its name or pinyin (through /api/search), this place left out. */
function PlaceSelect({ exclude, known, ...props }: { exclude: string; known: { id: string; name: string } | null; value?: string | null; onChange?: (v: string | null) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const search = useSearch({ q, types: ['place'], limit: 20 });
  const options = useMemo(() => {
    const found = (q.trim() ? (search.data?.items ?? []) : []).filter((h) => h.id !== exclude).map((h) => ({ value: h.id, label: h.title }));
    if (known && !found.some((o) => o.value === known.id)) found.push({ value: known.id, label: known.name });
    return found;
  }, [q, search.data, known, exclude]);
  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={t('map.pickParentPlace')}
      notFoundContent={search.isFetching ? <Spin size="small" /> : q.trim() ? t('picker.noMatch') : t('picker.typeToSearch')}
      options={options}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
    />
  );
}

/**
 * On the place page: the place hierarchy (the place it lies within, the places within it), its operator
 * organisation and its networks, with pickers to change them (PUT /api/map/places/:id/relations).
 */
export function PlaceRelationsCard({ placeId, canEdit }: { placeId: string; canEdit: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const card = usePlaceCard(placeId);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Relations>();
  const save = useMutation({
    mutationFn: (body: Relations) => request<unknown>('PUT', `/api/map/places/${encodeURIComponent(placeId)}/relations`, { body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['map'] });
      setEditing(false);
      void message.success(t('map.relationsSaved'));
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const p = card.data;
  const links = (items: { id: string; name: string }[], path: string) =>
    items.length ? (
      <Space wrap size={[8, 0]}>
        {items.map((i) => (
          <Link key={i.id} to={`${path}/${i.id}`}>
            {i.name}
          </Link>
        ))}
      </Space>
    ) : (
      '—'
    );
  return (
    <Card
      size="small"
      title={t('map.placeRelations')}
      style={{ marginTop: 16 }}
      data-testid="place-relations"
      extra={
        canEdit && p && !editing ? (
          <Button
            size="small"
            onClick={() => {
              form.setFieldsValue({ parentPlaceId: p.parent?.id ?? null, operatorOrganizationId: p.operator?.id ?? null, networkIds: p.networks.map((n) => n.id) });
              setEditing(true);
            }}
          >
            {t('map.editRelations')}
          </Button>
        ) : null
      }
    >
      {!p ? (
        <Spin />
      ) : editing ? (
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ ...v, parentPlaceId: v.parentPlaceId ?? null, operatorOrganizationId: v.operatorOrganizationId ?? null, networkIds: v.networkIds ?? [] })}>
          <Form.Item name="parentPlaceId" label={t('map.parentPlace')}>
            <PlaceSelect exclude={placeId} known={p.parent} />
          </Form.Item>
          <Form.Item name="operatorOrganizationId" label={t('map.operator')}>
            <RecordSelect type="organization" known={p.operator ? [p.operator] : []} aria-label={t('map.operator')} />
          </Form.Item>
          <Form.Item name="networkIds" label={t('map.networks')}>
            <NetworkSelect mode="multiple" allowClear aria-label={t('map.networks')} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('map.saveRelations')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('map.cancel')}</Button>
          </Flex>
        </Form>
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'parent', label: t('map.parentPlace'), children: p.parent ? <Link to={`/directory/places/${p.parent.id}`}>{p.parent.name}</Link> : '—' },
            { key: 'children', label: t('map.childPlaces'), children: links(p.children, '/directory/places') },
            { key: 'operator', label: t('map.operator'), children: p.operator ? <Link to={`/directory/organizations/${p.operator.id}`}>{p.operator.name}</Link> : '—' },
            { key: 'networks', label: t('map.networks'), children: links(p.networks, '/directory/networks') },
          ]}
        />
      )}
    </Card>
  );
}
