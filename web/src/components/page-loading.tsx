import { Flex, Spin } from 'antd';
import { useT } from '../app/i18n';

export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const t = useT();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" description={t('common.loading')}>
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </Flex>
  );
}
