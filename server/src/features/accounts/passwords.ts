import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

const options = { algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under isolatedModules) */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/** A readable random password for the first administrator. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

let dummy: Promise<string> | undefined;
/** Verify against a fixed hash so that an unknown username costs the same time as a wrong password. */
export const burnVerify = async (password: string) => {
  dummy ??= hashPassword('tongxin-dummy-password');
  await verifyPassword(await dummy, password);
};
