import {
  ApartmentOutlined,
  BankOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  NodeIndexOutlined,
  NumberOutlined,
  RightOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../app/auth/require-auth';
import { isMessageKey, useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { formatNumber } from '../../../lib/format';
import { useOverview } from '../api';
import './home-page.css';

interface StatMeta {
  icon: ReactNode;
  color: string;
  /** the list this count counts, where one exists */
  to?: string;
}

const statMeta: Record<string, StatMeta> = {
  organizations: { icon: <BankOutlined />, color: '#1f4e9e', to: '/directory/organizations' },
  people: { icon: <UserOutlined />, color: '#0e7c66', to: '/directory/people' },
  networks: { icon: <ApartmentOutlined />, color: '#7a4bc2', to: '/directory/networks' },
  industries: { icon: <NodeIndexOutlined />, color: '#0b6e79', to: '/directory/industries' },
  places: { icon: <EnvironmentOutlined />, color: '#c26a0e', to: '/directory/places' },
  events: { icon: <CalendarOutlined />, color: '#c8102e' },
  needs: { icon: <SolutionOutlined />, color: '#0b7fab' },
  users: { icon: <TeamOutlined />, color: '#5b6b84', to: '/admin/users' },
};
const order = Object.keys(statMeta);

function byKnownOrder(a: string, b: string): number {
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.localeCompare(b);
}

function StatCard({ name, value }: { name: string; value: number }) {
  const t = useT();
  const { locale } = useLocale();
  const meta = statMeta[name] ?? { icon: <NumberOutlined />, color: '#5b6b84' };
  const statKey = `stats.${name}`;
  const label = isMessageKey(statKey) ? t(statKey) : name;
  const card = (
    <Card className="tx-stat-card" hoverable={Boolean(meta.to)} variant="borderless">
      <div className="tx-stat-icon" style={{ color: meta.color, background: `${meta.color}14` }} aria-hidden>
        {meta.icon}
      </div>
      <Statistic title={label} value={value} formatter={(v) => formatNumber(Number(v), locale)} />
      {meta.to ? (
        <Typography.Text type="secondary" className="tx-stat-more">
          {t('home.viewList')} <RightOutlined aria-hidden />
        </Typography.Text>
      ) : null}
    </Card>
  );
  return (
    <div data-testid={`stat-${name}`}>
      {meta.to ? (
        <Link to={meta.to} className="tx-stat-link">
          {card}
        </Link>
      ) : (
        card
      )}
    </div>
  );
}

export function HomePage() {
  const t = useT();
  const user = useCurrentUser();
  const overview = useOverview();

  let body: ReactNode;
  if (overview.isPending) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (overview.isError) {
    body = <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  } else {
    const entries = Object.entries(overview.data.counts).sort(([a], [b]) => byKnownOrder(a, b));
    body =
      entries.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t('home.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {entries.map(([name, value]) => (
            <Col key={name} xs={24} sm={12} lg={8} xxl={6}>
              <StatCard name={name} value={value} />
            </Col>
          ))}
        </Row>
      );
  }

  return (
    <>
      <PageHeader
        title={t('home.title')}
        subtitle={`${t('home.welcome', { name: user.displayName })} · ${t('home.subtitle')}`}
      />
      {body}
    </>
  );
}
