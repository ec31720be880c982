import { SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Modal, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSearch } from '../../search/api';
import { duplicateReasonLabel } from '../labels';
import type { DuplicateCandidate } from '../types';

interface MergeModalProps<D extends { id: string; name: string }> {
  type: 'organization' | 'person';
  current: D;
  /** likely duplicates of `current`, offered first */
  suggestions: readonly DuplicateCandidate[];
  queryKey: string;
  loadDetail: (id: string, signal?: AbortSignal) => Promise<D>;
  renderSummary: (record: D) => ReactNode;
  merge: (ids: { keepId: string; sourceId: string }) => Promise<D>;
  onMerged: (kept: D) => void;
  onClose: () => void;
}

/**
 * 合并重复: pick the other record (a suggested duplicate or any found by search), see both side by
 * side, choose which one stays, confirm. The other one's data moves into the kept one and it is deleted.
 */
export function MergeModal<D extends { id: string; name: string }>({
  type,
  current,
  suggestions,
  queryKey,
  loadDetail,
  renderSummary,
  merge,
  onMerged,
  onClose,
}: MergeModalProps<D>) {
  const t = useT();
  const { message } = App.useApp();
  const [otherId, setOtherId] = useState<string>();
  const [keepCurrent, setKeepCurrent] = useState(true);
  const [text, setText] = useState('');
  const [merging, setMerging] = useState(false);
  const q = useDebouncedValue(text, 250);
  const search = useSearch({ q, types: [type], limit: 20 });

  const other = useQuery({
    queryKey: [queryKey, 'detail', otherId],
    queryFn: ({ signal }) => loadDetail(otherId ?? '', signal),
    enabled: Boolean(otherId),
  });

  const options = useMemo(() => {
    const suggested = suggestions
      .filter((candidate) => candidate.id !== current.id)
      .map((candidate) => ({
        value: candidate.id,
        label: candidate.name,
        hint: duplicateReasonLabel(t, candidate.reason),
      }));
    const seen = new Set(suggested.map((option) => option.value));
    const found = (q.trim() ? (search.data?.items ?? []) : [])
      .filter((hit) => hit.id !== current.id && !seen.has(hit.id))
      .map((hit) => ({ value: hit.id, label: hit.title, hint: hit.subtitle ?? '' }));
    const groups = [];
    if (suggested.length > 0) groups.push({ label: t('merge.suggested'), title: 'suggested', options: suggested });
    if (found.length > 0) groups.push({ label: t('merge.searchResults'), title: 'found', options: found });
    return groups;
  }, [suggestions, search.data, q, current.id, t]);

  const kept = keepCurrent ? current : other.data;
  const removed = keepCurrent ? other.data : current;

  const onConfirm = async () => {
    if (!kept || !removed) return;
    setMerging(true);
    try {
      const result = await merge({ keepId: kept.id, sourceId: removed.id });
      void message.success(t('merge.done', { removed: removed.name, kept: result.name }));
      onMerged(result);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setMerging(false);
    }
  };

  const side = (record: D | undefined, role: 'keep' | 'remove') => (
    <Card
      size="small"
      data-testid={`merge-${role}`}
      title={
        <Flex gap={8} align="center">
          <Tag color={role === 'keep' ? 'success' : 'error'}>
            {role === 'keep' ? t('merge.keep') : t('merge.remove')}
          </Tag>
          <Typography.Text strong ellipsis>
            {record?.name ?? '—'}
          </Typography.Text>
        </Flex>
      }
    >
      {record ? renderSummary(record) : other.isFetching ? <Skeleton active /> : <Empty description={t('merge.pickFirst')} />}
    </Card>
  );

  return (
    <Modal
      open
      width={960}
      title={t('merge.title', { name: current.name })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" danger disabled={!kept || !removed} loading={merging} onClick={() => void onConfirm()}>
          {t('merge.confirm')}
        </Button>,
      ]}
    >
      <Flex vertical gap={16}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('merge.pickLabel')}</Typography.Text>
          <Select
            aria-label={t('merge.pickLabel')}
            style={{ flex: 1, minWidth: 320 }}
            value={otherId}
            onChange={setOtherId}
            showSearch={{ filterOption: false, onSearch: setText }}
            placeholder={t('merge.pickPlaceholder')}
            options={options}
            optionRender={(option) => (
              <Flex justify="space-between" gap={12}>
                <span>{option.label}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {(option.data as { hint?: string }).hint}
                </Typography.Text>
              </Flex>
            )}
            notFoundContent={t('picker.typeToSearch')}
          />
          <Button icon={<SwapOutlined />} disabled={!other.data} onClick={() => setKeepCurrent((value) => !value)}>
            {t('merge.swap')}
          </Button>
        </Flex>
        <Row gutter={16}>
          <Col span={12}>{side(kept, 'keep')}</Col>
          <Col span={12}>{side(removed, 'remove')}</Col>
        </Row>
        {kept && removed ? (
          <Alert
            type="warning"
            showIcon
            title={t('merge.warning', { kept: kept.name, removed: removed.name })}
            description={t('merge.warningDetail')}
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
