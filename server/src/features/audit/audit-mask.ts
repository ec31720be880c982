/** Fields that hold personal data (PIPL): never written to the audit log in clear. */
const sensitive = /^(phone|mobile|email|idNumber|idCard|politicalAffiliation|password|passwordHash)$/i;

export function maskValue(key: string, value: unknown): unknown {
  if (value == null) return value;
  if (/^password/i.test(key)) return '[redacted]';
  if (typeof value !== 'string') return '[masked]';
  if (/phone|mobile/i.test(key)) return value.length >= 7 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****';
  if (/email/i.test(key)) {
    const [user, domain] = value.split('@');
    return domain ? `${(user ?? '').slice(0, 1)}***@${domain}` : '***';
  }
  if (/idNumber|idCard/i.test(key)) return value.length > 8 ? `${value.slice(0, 4)}**********${value.slice(-4)}` : '****';
  return '[masked]';
}

/** A deep copy of a record with personal fields masked. */
export function maskRecord(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskRecord);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, sensitive.test(k) ? maskValue(k, v) : maskRecord(v)]),
    );
  }
  return value;
}
