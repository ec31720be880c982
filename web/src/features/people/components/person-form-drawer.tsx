import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isValidPhone as isValidPhoneNumber, normalizePhone } from '../../../../../common/validators';
import { useT } from '../../../app/i18n';
import { FormDrawer, useFormDrawer } from '../../../components/form-drawer';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { DistrictSelect } from '../../directory/components/district-select';
import { DuplicateAlert, useConfirmCreateAnyway } from '../../directory/components/duplicate-alert';
import { IndustrySelect } from '../../directory/components/industry-select';
import { personRoleOptions } from '../../directory/labels';
import type { PersonRole } from '../../directory/types';
import { usePersonDuplicates, useSavePerson, type PersonDetail, type PersonInput } from '../api';
import { OrganizationNameInput, type OrganizationNameValue } from './organization-name-input';

interface AffiliationValues {
  organization?: OrganizationNameValue;
  position?: string;
  startOn?: Dayjs | null;
  endOn?: Dayjs | null;
  isContact?: boolean;
}

interface PersonFormValues {
  name: string;
  roles?: PersonRole[];
  districtCode?: string;
  expertise?: string[];
  industryIds?: string[];
  bio?: string;
  phone?: string;
  email?: string;
  politicalAffiliation?: string;
  politicalConsent?: boolean;
  affiliations?: AffiliationValues[];
}

const formFields = [
  'name',
  'roles',
  'districtCode',
  'expertise',
  'industryIds',
  'bio',
  'phone',
  'email',
  'politicalAffiliation',
  'politicalConsent',
  'affiliations',
] as const;

const personPath = (id: string) => `/directory/people/${encodeURIComponent(id)}`;
const dateFormat = 'YYYY-MM-DD';
/** The server names `affiliations.0.organizationName`; the form has one `organization` control. */
const affiliationPath = (path: string) => path.replace(/^(affiliations\.\d+)\.organization(Name|Id)$/, '$1.organization');

/** A mainland mobile (13800138000) or a landline (021-64880000, 64880000-123): the one rule in common/validators. */
export const isValidPhone = (value: string) => isValidPhoneNumber(normalizePhone(value));

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function toInput(values: PersonFormValues, person: PersonDetail | undefined): PersonInput {
  const input: PersonInput = {
    name: values.name.trim(),
    roles: values.roles ?? [],
    districtCode: values.districtCode ?? null,
    expertise: (values.expertise ?? []).map((tag) => tag.trim()).filter(Boolean),
    industryIds: values.industryIds ?? [],
    bio: blankToNull(values.bio),
    politicalConsent: values.politicalConsent ?? false,
    affiliations: (values.affiliations ?? [])
      .filter((row) => row.organization?.name?.trim())
      .map((row) => ({
        organizationId: row.organization?.id ?? null,
        organizationName: row.organization?.name.trim() ?? '',
        position: blankToNull(row.position),
        startOn: row.startOn ? row.startOn.format(dateFormat) : null,
        endOn: row.endOn ? row.endOn.format(dateFormat) : null,
        isContact: row.isContact ?? false,
      })),
  };
  // Personal fields are shown masked: left empty while editing means "unchanged".
  const phone = blankToNull(values.phone);
  const email = blankToNull(values.email);
  const political = blankToNull(values.politicalAffiliation);
  if (phone || !person) input.phone = phone;
  if (email || !person) input.email = email;
  if (political || !person || person.politicalAffiliation) input.politicalAffiliation = political;
  return input;
}

/** 新建 / 编辑人员, with affiliations, Chinese phone/email checks and a duplicate warning. */
export function PersonFormDrawer({
  person,
  onClose,
  onSaved,
}: {
  person?: PersonDetail;
  onClose: () => void;
  onSaved: (saved: PersonDetail) => void;
}) {
  const t = useT();
  const confirmAnyway = useConfirmCreateAnyway(personPath);
  const drawer = useFormDrawer<PersonFormValues>({ onClose, fields: formFields, renamePath: affiliationPath });
  const { form } = drawer;
  const save = useSavePerson();
  const editing = person !== undefined;

  const name = Form.useWatch('name', form) ?? person?.name ?? '';
  const affiliations = Form.useWatch('affiliations', form);
  const phone = Form.useWatch('phone', form);
  const debouncedName = useDebouncedValue(name, 400);
  const organizationIds = (affiliations ?? []).flatMap((row) => (row?.organization?.id ? [row.organization.id] : []));
  const debouncedOrganizations = useDebouncedValue(organizationIds.join(','), 400);
  const debouncedPhone = useDebouncedValue(phone && isValidPhone(phone) ? phone : '', 400);
  const duplicates = usePersonDuplicates({
    name: debouncedName,
    organizationIds: debouncedOrganizations ? debouncedOrganizations.split(',') : undefined,
    phone: debouncedPhone || undefined,
    excludeId: person?.id,
  });
  const candidates = duplicates.data?.candidates ?? [];

  const submit = (values: PersonFormValues) => {
    const input = toInput(values, person);
    drawer.saveRecord(save, person?.id, input, {
      success: (saved) => t(editing ? 'person.saved' : 'person.created', { name: saved.name }),
      onSaved,
      confirmAnyway: confirmAnyway(t('dup.confirmTextPerson', { name: input.name ?? '' })),
    });
  };

  return (
    <FormDrawer drawer={drawer} size={840} title={editing ? t('person.editTitle', { name: person.name }) : t('person.createTitle')} saving={save.isPending}>
      <Form<PersonFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          person
            ? {
                name: person.name,
                roles: person.roles ?? [],
                districtCode: person.districtCode ?? undefined,
                expertise: person.expertise ?? [],
                industryIds: (person.industries ?? []).map((industry) => industry.id),
                bio: person.bio ?? undefined,
                politicalAffiliation: person.politicalAffiliation ?? undefined,
                politicalConsent: person.politicalConsent,
                affiliations: (person.affiliations ?? []).map((row) => ({
                  organization: { id: row.organizationId, name: row.organizationName },
                  position: row.position ?? undefined,
                  startOn: row.startOn ? dayjs(row.startOn) : null,
                  endOn: row.endOn ? dayjs(row.endOn) : null,
                  isContact: row.isContact,
                })),
              }
            : { roles: ['expert'], expertise: [], industryIds: [], affiliations: [{}] }
        }
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('person.name')}
              name="name"
              rules={[
                { required: true, whitespace: true, message: t('person.nameRequired') },
                { max: 100, message: t('form.maxLength', { max: 100 }) },
              ]}
            >
              <Input autoComplete="off" autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('person.roles')} name="roles">
              <Select mode="multiple" options={personRoleOptions(t)} placeholder={t('form.choose')} />
            </Form.Item>
          </Col>
        </Row>
        <DuplicateAlert candidates={candidates} pathOf={personPath} description={t('dup.hintPerson')} />
        <Typography.Title level={2} style={{ fontSize: 15, margin: '4px 0 12px' }}>
          {t('person.affiliations')}
        </Typography.Title>
        <Form.List name="affiliations">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} align="top" data-testid={`affiliation-${index}`}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'organization']}
                      label={index === 0 ? t('affiliation.organization') : undefined}
                      rules={[
                        {
                          validator: async (_, value: OrganizationNameValue | undefined) => {
                            if (!value?.name?.trim()) throw new Error(t('affiliation.organizationRequired'));
                          },
                        },
                      ]}
                    >
                      <OrganizationNameInput />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item name={[field.name, 'position']} label={index === 0 ? t('affiliation.position') : undefined}>
                      <Input autoComplete="off" aria-label={t('affiliation.position')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[field.name, 'startOn']} label={index === 0 ? t('affiliation.startOn') : undefined}>
                      <DatePicker style={{ width: '100%' }} aria-label={t('affiliation.startOn')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[field.name, 'endOn']} label={index === 0 ? t('affiliation.endOn') : undefined}>
                      <DatePicker style={{ width: '100%' }} aria-label={t('affiliation.endOn')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={3}>
                    <Flex align="center" gap={2} style={{ paddingTop: index === 0 ? 34 : 4, whiteSpace: 'nowrap' }}>
                      <Form.Item name={[field.name, 'isContact']} valuePropName="checked" noStyle>
                        <Checkbox aria-label={t('affiliation.isContact')}>{t('affiliation.contact')}</Checkbox>
                      </Form.Item>
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<MinusCircleOutlined />}
                        aria-label={t('affiliation.remove')}
                        title={t('affiliation.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                  </Col>
                </Row>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 24 }}>
                {t('affiliation.add')}
              </Button>
            </>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('person.phone')}
              name="phone"
              extra={editing ? t('person.keepHint', { value: person.phone ?? t('common.none') }) : undefined}
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    if (value?.trim() && !isValidPhone(value.trim())) throw new Error(t('person.phoneInvalid'));
                  },
                },
              ]}
            >
              <Input autoComplete="off" placeholder={editing ? (person.phone ?? undefined) : '13800138000'} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('person.email')}
              name="email"
              extra={editing ? t('person.keepHint', { value: person.email ?? t('common.none') }) : undefined}
              rules={[{ type: 'email', message: t('person.emailInvalid') }]}
            >
              <Input autoComplete="off" placeholder={editing ? (person.email ?? undefined) : 'name@example.cn'} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('org.district')} name="districtCode">
              <DistrictSelect placeholder={t('form.choose')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('person.industries')} name="industryIds">
              <IndustrySelect multiple placeholder={t('form.chooseIndustries')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('person.expertise')} name="expertise" extra={t('form.tagsHint')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ';', '；']} suffixIcon={null} />
        </Form.Item>
        <Row gutter={16} align="middle">
          <Col xs={24} sm={12}>
            <Form.Item label={t('person.political')} name="politicalAffiliation">
              <Input
                autoComplete="off"
                disabled={person?.politicalHidden}
                placeholder={person?.politicalHidden ? t('person.politicalHidden') : undefined}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="politicalConsent" valuePropName="checked" extra={t('person.politicalConsentHint')}>
              <Checkbox>{t('person.politicalConsent')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('person.bio')} name="bio" rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
