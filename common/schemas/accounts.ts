import { z } from 'zod';
import { auditActions, auditEntities } from '../audit';
import { pageQuery } from './common';

export const roles = ['admin', 'coordinator', 'expert', 'enterprise', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Extra permissions an admin grants: 'political' shows people's political affiliation (with their consent). */
export const permissions = ['political'] as const;
export type Permission = (typeof permissions)[number];

export const scopeSchema = z.object({
  kind: z.enum(['district', 'network']),
  value: z.string().min(1).max(64),
});
export type Scope = z.infer<typeof scopeSchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  scopes: z.array(scopeSchema),
  permissions: z.array(z.enum(permissions)),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

const username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9_.-]{3,32}$/, { message: 'username: 3–32 letters, digits, _ . -' });
const password = z.string().min(10).max(256);

export const createUserBody = z.object({
  username,
  displayName: z.string().trim().min(1).max(64),
  password,
  role: z.enum(roles),
  scopes: z.array(scopeSchema).max(50).default([]),
  permissions: z.array(z.enum(permissions)).default([]),
});

export const updateUserBody = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  password: password.optional(),
  role: z.enum(roles).optional(),
  scopes: z.array(scopeSchema).max(50).optional(),
  permissions: z.array(z.enum(permissions)).optional(),
  disabled: z.boolean().optional(),
});

/** What the users list filters on: active (may log in), disabled, or locked now after failed logins. */
export const userStatuses = ['active', 'disabled', 'locked'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: z.enum(roles).optional(),
  status: z.enum(userStatuses).optional(),
});

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** the record's name when the entry was written */
  entityName: z.string().nullable(),
  /** the page that shows the record (a membership's network, a link's upstream industry), when there is one */
  target: z.object({ type: z.enum(['organization', 'person', 'network', 'place', 'industry', 'user']), id: z.string() }).nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditFilterQuery = z.object({
  entity: z.enum(auditEntities).optional(),
  action: z.enum(auditActions).optional(),
  actor: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  q: z.string().trim().max(100).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export const auditQuery = pageQuery.extend(auditFilterQuery.shape);
