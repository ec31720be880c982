import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select, Typography } from 'antd';
import { useLocale, useT } from '../../../app/i18n';
import { districtOptions } from '../../../lib/districts';
import { scopeKinds, type ScopeKind } from '../../auth/api';
import { NetworkSelect } from '../../directory/components/network-select';

function ScopeRow({ name, index, onRemove }: { name: number; index: number; onRemove: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const form = Form.useFormInstance();
  const kind = Form.useWatch<ScopeKind | undefined>(['scopes', name, 'kind'], form);
  const position = ` ${index + 1}`;

  return (
    <Flex gap={8} align="flex-start">
      <Form.Item name={[name, 'kind']} style={{ width: 120, marginBottom: 8 }}>
        <Select<ScopeKind>
          aria-label={t('users.scopeKind') + position}
          options={scopeKinds.map((value) => ({ value, label: t(`scopeKind.${value}`) }))}
          onChange={() => form.setFieldValue(['scopes', name, 'value'], undefined)}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'value']}
        style={{ flex: 1, marginBottom: 8 }}
        rules={[{ required: true, whitespace: true, message: t('users.scopeValueRequired') }]}
      >
        {kind === 'network' ? (
          <NetworkSelect
            aria-label={t('users.scopeValue') + position}
            placeholder={t('usersAdmin.chooseNetwork')}
            data-testid={`scope-network-${index + 1}`}
            style={{ width: '100%' }}
          />
        ) : (
          <Select<string>
            aria-label={t('users.scopeValue') + position}
            options={districtOptions(locale)}
            showSearch={{ optionFilterProp: 'label' }}
          />
        )}
      </Form.Item>
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('users.removeScope') + position}
        title={t('users.removeScope')}
        onClick={onRemove}
      />
    </Flex>
  );
}

/** Edits `scopes`: a list of { kind: district | network, value } (district values are GB/T 2260 codes). */
export function ScopesEditor() {
  const t = useT();
  return (
    <Form.Item label={t('users.scopes')} extra={t('users.scopesHint')}>
      <Form.List name="scopes">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <ScopeRow key={field.key} name={field.name} index={index} onRemove={() => remove(field.name)} />
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'district' })} block>
              {t('users.addScope')}
            </Button>
            {errors.length > 0 ? <Typography.Text type="danger">{errors}</Typography.Text> : null}
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
