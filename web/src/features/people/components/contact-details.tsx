import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { useUnmaskPerson, type PersonDetail, type UnmaskedContact } from '../api';

/** 显示完整信息: asks the server for the clear phone/email (the access is audit-logged). */
export function UnmaskButton({
  person,
  onUnmasked,
}: {
  person: PersonDetail;
  onUnmasked: (contact: UnmaskedContact) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const unmask = useUnmaskPerson();
  return (
    <Flex gap={8} align="center" wrap>
      <Button
        icon={<EyeOutlined />}
        loading={unmask.isPending}
        onClick={() =>
          unmask.mutate(person.id, {
            onSuccess: onUnmasked,
            onError: (error) => void message.error(errorMessage(error, t)),
          })
        }
      >
        {t('person.unmask')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <SafetyCertificateOutlined /> {t('person.unmaskNote')}
      </Typography.Text>
    </Flex>
  );
}

/** 政治面貌 as the viewer may see it: the value, 已隐藏, or a dash. */
export function PoliticalAffiliation({ value, hidden }: { value: string | null; hidden: boolean }) {
  const t = useT();
  if (value) return <>{value}</>;
  if (hidden) return <Tag>{t('person.politicalHidden')}</Tag>;
  return <>—</>;
}
