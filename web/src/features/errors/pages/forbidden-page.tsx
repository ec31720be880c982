import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n';

export function ForbiddenPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('error.forbiddenTitle')}</h1>}
      subTitle={t('error.forbiddenText')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
