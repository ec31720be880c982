import { Alert, Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { isValidPhone, normalizePhone } from '../../../../../common/validators';
import { useState } from 'react';
import { Link } from 'react-router';
import { usccProblem } from '../../../../../common/validators';
import { useLocale, useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useRegisterEnterprise } from '../registration-api';

interface Values {
  uscc: string;
  contactName: string;
  phone: string;
  username: string;
  displayName: string;
  password: string;
}
const fields = ['uscc', 'contactName', 'phone', 'username', 'displayName', 'password'] as const;

/** Public: an enterprise registers with its unified social credit code; a coordinator of its district approves. */
export function EnterpriseRegisterPage() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const [form] = Form.useForm<Values>();
  const register = useRegisterEnterprise();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const nextLocale = locale === 'en' ? 'zh-CN' : 'en';

  const submit = (v: Values) => {
    setError(null);
    register.mutate(
      { ...v, uscc: v.uscc.trim().toUpperCase() },
      {
        onSuccess: (r) => setDone(r.organizationName),
        onError: (e) => {
          if (!applyFieldErrors(form, e, fields)) setError(errorMessage(e, t));
        },
      },
    );
  };

  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: '16px 12px 48px' }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {t('app.name')} · {t('needs.reg.title')}
        </Typography.Text>
        <Button type="link" onClick={() => setLocale(nextLocale)}>
          <span lang={nextLocale}>{t('header.switchLanguage')}</span>
        </Button>
      </Flex>
      <main id="main">
        {done ? (
          <Result status="success" title={t('needs.reg.submitted')} subTitle={t('needs.reg.submittedHint', { name: done })} extra={<Link to="/login">{t('needs.reg.toLogin')}</Link>} />
        ) : (
          <Card variant="borderless">
            <Typography.Paragraph type="secondary">{t('needs.reg.subtitle')}</Typography.Paragraph>
            {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
            <Form form={form} layout="vertical" onFinish={submit} validateTrigger="onChange" requiredMark>
              <Form.Item
                name="uscc"
                label={t('needs.reg.uscc')}
                rules={[
                  { required: true, message: t('needs.reg.required') },
                  {
                    validator: (_, v: string | undefined) => {
                      const problem = v ? usccProblem(v.trim().toUpperCase()) : null;
                      return problem ? Promise.reject(new Error(locale === 'zh-CN' ? problem : t('needs.reg.usccInvalid'))) : Promise.resolve();
                    },
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" placeholder="91310115XXXXXXXXXX" />
              </Form.Item>
              <Form.Item name="contactName" label={t('needs.reg.contactName')} rules={[{ required: true, whitespace: true, message: t('needs.reg.required') }]}>
                <Input maxLength={64} />
              </Form.Item>
              <Form.Item
                name="phone"
                label={t('needs.reg.phone')}
                rules={[
                  { required: true, whitespace: true, message: t('needs.reg.phoneInvalid') },
                  // the one phone rule (common/validators.ts), as the server applies it
                  { validator: (_, v?: string) => (!v?.trim() || isValidPhone(normalizePhone(v)) ? Promise.resolve() : Promise.reject(new Error(t('needs.reg.phoneInvalid')))) },
                ]}
              >
                <Input maxLength={16} inputMode="tel" />
              </Form.Item>
              <Form.Item name="username" label={t('needs.reg.username')} rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: t('needs.reg.usernameInvalid') }]}>
                <Input maxLength={32} autoComplete="username" />
              </Form.Item>
              <Form.Item name="displayName" label={t('needs.reg.displayName')} rules={[{ required: true, whitespace: true, message: t('needs.reg.required') }]}>
                <Input maxLength={64} />
              </Form.Item>
              <Form.Item name="password" label={t('needs.reg.password')} rules={[{ required: true, min: 10, message: t('needs.reg.passwordShort') }]}>
                <Input.Password maxLength={256} autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={register.isPending}>
                {t('needs.reg.submit')}
              </Button>
            </Form>
          </Card>
        )}
      </main>
    </div>
  );
}
