import { App, Flex, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { useIndustryLink, type Industry } from '../api';

/**
 * The chain links of one industry, editable (admin): its upstream and downstream industries as tags
 * that remove the link after a confirmation, and a picker that adds one. The server refuses a loop.
 */
export function IndustryLinksEditor({
  industry,
  industries,
  direction,
  onSelect,
}: {
  industry: Industry;
  industries: readonly Industry[];
  direction: 'upstream' | 'downstream';
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [modal, contextHolder] = Modal.useModal();
  const link = useIndustryLink();
  const [adding, setAdding] = useState<string | null>(null);
  const byId = new Map(industries.map((item) => [item.id, item]));
  const ids = direction === 'upstream' ? industry.upstreamIds : industry.downstreamIds;
  const pair = (other: string) =>
    direction === 'upstream' ? { upstreamId: other, downstreamId: industry.id } : { upstreamId: industry.id, downstreamId: other };
  const label = (id: string) => byId.get(id)?.name ?? id;
  const linkText = (other: string) => {
    const p = pair(other);
    return `${label(p.upstreamId)} → ${label(p.downstreamId)}`;
  };

  const remove = (other: string) =>
    void modal.confirm({
      title: t('industryAdmin.removeLinkConfirm', { link: linkText(other) }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        link.mutateAsync({ ...pair(other), remove: true }).then(
          () => void message.success(t('industryAdmin.linkRemoved', { link: linkText(other) })),
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });

  const add = (other: string) => {
    setAdding(other);
    link.mutate(pair(other), {
      onSuccess: () => void message.success(t('industryAdmin.linkAdded', { link: linkText(other) })),
      onError: (error) => void message.error(errorMessage(error, t)),
      onSettled: () => setAdding(null),
    });
  };

  const options = industries
    .filter((item) => item.id !== industry.id && !ids.includes(item.id))
    .map((item) => ({ value: item.id, label: item.name }));

  return (
    <Flex vertical gap={6} data-testid={`industry-${direction}-editor`}>
      {contextHolder}
      {ids.length ? (
        <Flex gap={4} wrap>
          {ids.map((id) => (
            <Tag
              key={id}
              color="blue"
              closable
              closeIcon={<span aria-label={t('industryAdmin.removeLink', { link: linkText(id) })}>×</span>}
              onClose={(event) => {
                event.preventDefault();
                remove(id);
              }}
            >
              <Typography.Link onClick={() => onSelect(id)}>{label(id)}</Typography.Link>
            </Tag>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      )}
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        value={adding}
        loading={link.isPending}
        placeholder={direction === 'upstream' ? t('industryAdmin.addUpstream') : t('industryAdmin.addDownstream')}
        aria-label={direction === 'upstream' ? t('industryAdmin.addUpstream') : t('industryAdmin.addDownstream')}
        options={options}
        onChange={(value: string | null) => value && add(value)}
        style={{ width: '100%' }}
      />
    </Flex>
  );
}
