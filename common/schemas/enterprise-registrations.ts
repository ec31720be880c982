import { z } from 'zod';
import { usccSchema } from './organizations';
import { inviteEnterpriseBody } from './needs';
import { requiredPhoneSchema } from './people';

/** What an enterprise sends to register itself (public, rate-limited). */
export const enterpriseRegistrationBody = inviteEnterpriseBody.omit({ organizationId: true }).extend({
  uscc: usccSchema,
  contactName: z.string().trim().min(1, { message: '请填写联系人 / enter a contact name' }).max(64),
  // the one phone rule (common/validators.ts), required here
  phone: requiredPhoneSchema,
});
export type EnterpriseRegistrationBody = z.infer<typeof enterpriseRegistrationBody>;

export const enterpriseRegistrationStatusValues = ['pending', 'approved', 'rejected'] as const;

export const enterpriseRegistrationSchema = z.object({
  id: z.string(),
  uscc: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  districtCode: z.string().nullable(),
  contactName: z.string(),
  phone: z.string(),
  username: z.string(),
  displayName: z.string(),
  status: z.enum(enterpriseRegistrationStatusValues),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type EnterpriseRegistration = z.infer<typeof enterpriseRegistrationSchema>;

export const enterpriseRegistrationListQuery = z.object({
  status: z.enum(enterpriseRegistrationStatusValues).optional(),
});

export const enterpriseRegistrationDecision = z.object({
  approve: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});
