import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../../../app/auth/require-auth';
import { useLocale, useT } from '../../../app/i18n';
import { isApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/error-message';
import { useLogin, useMe, type Credentials } from '../api';
import './login-page.css';

export function LoginPage() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const [form] = Form.useForm<Credentials>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const next = safeNextPath(params.get('next'));
  const nextLocale = locale === 'en' ? 'zh-CN' : 'en';

  if (me.data) return <Navigate to={next} replace />;

  const onFinish = (values: Credentials) => {
    login.mutate(values, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => {
        if (isApiError(error, 'VALIDATION')) {
          form.setFields(
            error.fields
              .filter((field) => field.path === 'username' || field.path === 'password')
              .map((field) => ({ name: field.path as keyof Credentials, errors: [field.message] })),
          );
        }
      },
    });
  };

  const failure = login.error;
  return (
    <div className="tx-login">
      <aside className="tx-login-hero">
        <div className="tx-login-brand">
          <span className="tx-login-mark">同</span>
          <span>{t('app.name')}</span>
        </div>
        <div>
          <p className="tx-login-hero-title">{t('login.heroTitle')}</p>
          <p className="tx-login-hero-text">{t('login.heroText')}</p>
        </div>
        <p className="tx-login-hero-foot">{t('app.tagline')}</p>
      </aside>
      <main className="tx-login-main">
        <div className="tx-login-lang">
          <Button
            type="text"
            icon={<TranslationOutlined />}
            title={t('header.switchLanguageHint')}
            onClick={() => setLocale(nextLocale)}
          >
            <span lang={nextLocale}>{t('header.switchLanguage')}</span>
          </Button>
        </div>
        <Card className="tx-login-card" variant="borderless">
          <Typography.Title level={1} className="tx-login-title">
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {failure ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('login.failed')}
              description={errorMessage(failure, t)}
              style={{ marginBottom: 20 }}
            />
          ) : null}
          <Form<Credentials>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            onValuesChange={() => login.reset()}
            size="large"
          >
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[
                { required: true, whitespace: true, message: t('login.usernameRequired') },
                { max: 64, message: t('login.usernameTooLong') },
              ]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Link href="/public/enterprise-register" style={{ display: 'block', marginTop: 12, textAlign: 'center' }}>
            {t('needs.reg.title')}
          </Typography.Link>
        </Card>
      </main>
    </div>
  );
}
