import { ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT, type MessageKey } from '../app/i18n';

/** Placeholder for an area of the product that is not built yet. */
export function ComingSoon({ area }: { area: MessageKey }) {
  const t = useT();
  const navigate = useNavigate();
  const name = t(area);
  return (
    <Card variant="borderless" styles={{ body: { padding: '72px 24px' } }}>
      <Empty
        image={<ClockCircleOutlined style={{ fontSize: 56, color: '#9aa8c0' }} aria-hidden />}
        styles={{ image: { height: 64 } }}
        description={
          <>
            <Typography.Title level={1} style={{ fontSize: 20, marginBottom: 8 }}>
              {name} · {t('comingSoon.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('comingSoon.description', { area: name })}</Typography.Text>
          </>
        }
      >
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      </Empty>
    </Card>
  );
}
