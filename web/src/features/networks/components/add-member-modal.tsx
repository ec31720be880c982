import { App, DatePicker, Form, Input, Modal, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { applyFieldErrors } from '../../../lib/form-errors';
import { RecordSelect } from '../../directory/components/record-select';
import { isMembershipTier, isNetworkPersonRole, positionOptions } from '../../directory/labels';
import type { MemberPosition } from '../../directory/types';
import { useAddMember } from '../api';
import { joinTodayDefault } from '../membership-dates';

interface MemberFormValues {
  memberId: string;
  tier: MemberPosition;
  role?: string;
  joinedOn?: Dayjs | null;
}

const defaultPosition = (member: 'organization' | 'person', tier?: MemberPosition): MemberPosition =>
  member === 'person' ? (tier && isNetworkPersonRole(tier) ? tier : 'individual_member') : tier && isMembershipTier(tier) ? tier : 'member';

/** 添加成员: an organisation with its tier or a person with a person role (导师 …), a note and the joining date. */
export function AddMemberModal({
  networkId,
  defaultTier,
  currentIds,
  onClose,
}: {
  networkId: string;
  defaultTier?: MemberPosition;
  /** organisations and people already current members (not offered again) */
  currentIds: readonly string[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const [memberType, setMemberType] = useState<'organization' | 'person'>(defaultTier && isNetworkPersonRole(defaultTier) ? 'person' : 'organization');
  const add = useAddMember(networkId);

  const onFinish = (values: MemberFormValues) => {
    add.mutate(
      {
        ...(memberType === 'organization' ? { organizationId: values.memberId } : { personId: values.memberId }),
        tier: values.tier,
        role: values.role?.trim() || null,
        joinedOn: values.joinedOn ? values.joinedOn.format('YYYY-MM-DD') : null,
      },
      {
        onSuccess: () => {
          void message.success(t('network.memberAdded'));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['tier', 'role', 'joinedOn'])) void message.error(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('network.addMember')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
    >
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ tier: defaultPosition(memberType, defaultTier), joinedOn: dayjs(joinTodayDefault()) }}
        style={{ marginTop: 16 }}
      >
        <Form.Item label={t('network.memberType')}>
          <Segmented<'organization' | 'person'>
            value={memberType}
            onChange={(value) => {
              setMemberType(value);
              form.setFieldValue('memberId', undefined);
              form.setFieldValue('tier', defaultPosition(value, defaultTier));
            }}
            options={[
              { value: 'organization', label: t('nav.organizations') },
              { value: 'person', label: t('nav.people') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={memberType === 'organization' ? t('network.memberOrganization') : t('network.memberPerson')}
          name="memberId"
          rules={[{ required: true, message: t('network.memberRequired') }]}
        >
          <RecordSelect key={memberType} type={memberType} excludeIds={currentIds} />
        </Form.Item>
        <Form.Item label={memberType === 'person' ? t('membership.personRole') : t('membership.tier')} name="tier" rules={[{ required: true }]}>
          <Select options={positionOptions(t, memberType)} data-testid="member-position" />
        </Form.Item>
        <Form.Item label={t('membership.role')} name="role" extra={t('network.roleHint')}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item label={t('membership.joinedOn')} name="joinedOn">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
