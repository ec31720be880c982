import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { usccIssue, type UsccIssue } from '../../../../../common/validators';
import { useT, type Translate } from '../../../app/i18n';
import { FormDrawer, useFormDrawer } from '../../../components/form-drawer';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { DistrictSelect } from '../../directory/components/district-select';
import { DuplicateAlert, useConfirmCreateAnyway } from '../../directory/components/duplicate-alert';
import { IndustrySelect } from '../../directory/components/industry-select';
import { organizationKindOptions, organizationSizeOptions } from '../../directory/labels';
import type { OrganizationKind, OrganizationSize } from '../../directory/types';
import {
  useOrganizationDuplicates,
  useSaveOrganization,
  type OrganizationDetail,
  type OrganizationInput,
} from '../api';

interface OrganizationFormValues {
  name: string;
  kind: OrganizationKind;
  districtCode?: string;
  uscc?: string;
  size?: OrganizationSize;
  aliases?: string[];
  formerNames?: string[];
  industryIds?: string[];
  address?: string;
  lng?: number | null;
  lat?: number | null;
  website?: string;
  description?: string;
}

const formFields = [
  'name',
  'kind',
  'districtCode',
  'uscc',
  'size',
  'aliases',
  'formerNames',
  'industryIds',
  'address',
  'lng',
  'lat',
  'website',
  'description',
] as const;

const organizationPath = (id: string) => `/directory/organizations/${encodeURIComponent(id)}`;
/** as the server accepts it: a host name with a dot, the scheme optional */
const websitePattern = /^(https?:\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?(\/\S*)?$/iu;
const tagSeparators = [',', '，', '、', ';', '；'];

/** A credit code's problem in the interface language (the rule itself is common/validators.ts). */
function usccMessage(t: Translate, issue: UsccIssue): string {
  switch (issue.kind) {
    case 'length':
      return t('uscc.length', { length: issue.length });
    case 'lowercase':
    case 'forbiddenLetter':
    case 'badChar':
      return t(`uscc.${issue.kind}`, { char: issue.char });
    case 'checkChar':
      return t('uscc.checkChar', { expected: issue.expected });
  }
}

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function toInput(values: OrganizationFormValues): OrganizationInput {
  return {
    name: values.name.trim(),
    kind: values.kind,
    districtCode: values.districtCode ?? null,
    uscc: blankToNull(values.uscc),
    size: values.size ?? null,
    aliases: (values.aliases ?? []).map((alias) => alias.trim()).filter(Boolean),
    formerNames: (values.formerNames ?? []).map((name) => name.trim()).filter(Boolean),
    industryIds: values.industryIds ?? [],
    address: blankToNull(values.address),
    lng: values.lng ?? null,
    lat: values.lat ?? null,
    website: blankToNull(values.website),
    description: blankToNull(values.description),
  };
}

/** 新建 / 编辑单位, validating as you type and warning about likely duplicates while the name is typed. */
export function OrganizationFormDrawer({
  organization,
  onClose,
  onSaved,
}: {
  organization?: OrganizationDetail;
  onClose: () => void;
  onSaved: (saved: OrganizationDetail) => void;
}) {
  const t = useT();
  const confirmAnyway = useConfirmCreateAnyway(organizationPath);
  const drawer = useFormDrawer<OrganizationFormValues>({ onClose, fields: formFields });
  const { form } = drawer;
  const save = useSaveOrganization();
  const editing = organization !== undefined;

  const name = Form.useWatch('name', form) ?? organization?.name ?? '';
  const debouncedName = useDebouncedValue(name, 400);
  const duplicates = useOrganizationDuplicates({ name: debouncedName, excludeId: organization?.id });
  const unchangedName = editing && debouncedName.trim() === organization.name;
  const candidates = unchangedName ? [] : (duplicates.data?.candidates ?? []);

  const submit = (values: OrganizationFormValues) => {
    const input = toInput(values);
    drawer.saveRecord(save, organization?.id, input, {
      success: (saved) => t(editing ? 'org.saved' : 'org.created', { name: saved.name }),
      onSaved,
      confirmAnyway: confirmAnyway(t('dup.confirmText', { name: input.name ?? '' })),
    });
  };

  return (
    <FormDrawer
      drawer={drawer}
      size={680}
      title={editing ? t('org.editTitle', { name: organization.name }) : t('org.createTitle')}
      saving={save.isPending}
    >
      <Form<OrganizationFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          organization
            ? {
                name: organization.name,
                kind: organization.kind,
                districtCode: organization.districtCode ?? undefined,
                uscc: organization.uscc ?? undefined,
                size: organization.size ?? undefined,
                aliases: organization.aliases ?? [],
                formerNames: organization.formerNames ?? [],
                industryIds: (organization.industries ?? []).map((industry) => industry.id),
                address: organization.address ?? undefined,
                lng: organization.lng,
                lat: organization.lat,
                website: organization.website ?? undefined,
                description: organization.description ?? undefined,
              }
            : { kind: 'enterprise', aliases: [], formerNames: [], industryIds: [] }
        }
      >
        <Form.Item
          label={t('org.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('org.nameRequired') },
            { max: 200, message: t('form.maxLength', { max: 200 }) },
          ]}
        >
          <Input autoComplete="off" autoFocus placeholder={t('org.namePlaceholder')} />
        </Form.Item>
        <DuplicateAlert candidates={candidates} pathOf={organizationPath} />
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('org.kind')} name="kind" rules={[{ required: true, message: t('org.kindRequired') }]}>
              <Select options={organizationKindOptions(t)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('org.district')} name="districtCode">
              <DistrictSelect placeholder={t('form.choose')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('org.uscc')}
              name="uscc"
              normalize={(value: string | undefined) => value?.toUpperCase().replace(/\s+/g, '')}
              validateDebounce={300}
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value) return;
                    const issue = usccIssue(value);
                    if (issue) throw new Error(usccMessage(t, issue));
                  },
                },
              ]}
              extra={t('org.usccHint')}
            >
              <Input autoComplete="off" maxLength={18} showCount style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('org.size')} name="size">
              <Select allowClear options={organizationSizeOptions(t)} placeholder={t('form.choose')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('org.aliases')} name="aliases" extra={t('form.tagsHint')}>
          <Select mode="tags" open={false} tokenSeparators={tagSeparators} suffixIcon={null} />
        </Form.Item>
        <Form.Item label={t('org.formerNames')} name="formerNames">
          <Select mode="tags" open={false} tokenSeparators={tagSeparators} suffixIcon={null} />
        </Form.Item>
        <Form.Item label={t('org.industries')} name="industryIds">
          <IndustrySelect multiple placeholder={t('form.chooseIndustries')} />
        </Form.Item>
        <Form.Item label={t('org.address')} name="address" rules={[{ max: 300 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('geo.lng')} name="lng" extra={t('geo.wgs84Hint')}>
              <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('geo.lat')} name="lat">
              <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('org.website')} name="website" rules={[{ pattern: websitePattern, message: t('form.urlInvalid') }]}>
          <Input autoComplete="off" placeholder="https://" />
        </Form.Item>
        <Form.Item label={t('org.description')} name="description" rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
