import { Button, Result } from 'antd';
import { useT } from '../../../app/i18n';

/** Shown by the router when rendering or loading a page throws (e.g. a lazy chunk fails to load). */
export function RouteErrorPage() {
  const t = useT();
  return (
    <Result
      status="error"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('error.crashTitle')}</h1>}
      subTitle={t('error.crashText')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
