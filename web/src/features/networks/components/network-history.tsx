import { Empty, Tag, Timeline, Typography } from 'antd';
import { isNetworkPersonRole } from '../../../../../common/domain';
import { useT } from '../../../app/i18n';
import { tierColors, tierLabel } from '../../directory/labels';
import type { NetworkHistoryEntry } from '../api';

/** 变动记录: who joined and who left, newest first; a person holds a 角色, an organisation a 层级. */
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
            {isNetworkPersonRole(entry.tier)
              ? t(entry.change === 'joined' ? 'network.historyJoinedRole' : 'network.historyLeftRole')
              : t(entry.change === 'joined' ? 'network.historyJoined' : 'network.historyLeft')}{' '}
            <Tag color={tierColors[entry.tier]}>{tierLabel(t, entry.tier)}</Tag>
          </span>
        ),
      }))}
    />
  );
}
