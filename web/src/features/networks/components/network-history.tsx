import { Empty, Tag, Timeline, Typography } from 'antd';
import { useT } from '../../../app/i18n';
import { tierColors, tierLabel } from '../../directory/labels';
import type { NetworkHistoryEntry } from '../api';

/** 变动记录: who joined and who left, newest first. */
export function NetworkHistory({ history }: { history: readonly NetworkHistoryEntry[] }) {
  const t = useT();
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('network.historyEmpty')} />;
  return (
    <Timeline
      items={history.map((entry, index) => ({
        key: `${entry.membershipId}-${entry.change}-${index}`,
        color: entry.change === 'joined' ? 'green' : 'gray',
        title: entry.date ?? t('network.dateUnknown'),
        content: (
          <span>
            <Typography.Text strong>{entry.memberName}</Typography.Text>{' '}
            {entry.change === 'joined' ? t('network.historyJoined') : t('network.historyLeft')}{' '}
            <Tag color={tierColors[entry.tier]}>{tierLabel(t, entry.tier)}</Tag>
          </span>
        ),
      }))}
    />
  );
}
