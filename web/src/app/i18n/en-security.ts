import type { zhCNSecurity } from './zh-CN-security';

/** English strings of sign-in throttling and unlocking; typed against the Chinese so that a missing key fails the type check. */
export const enSecurity: Record<keyof typeof zhCNSecurity, string> = {
  'users.throttled': 'Sign-in paused until {time}',
  'users.unlock': 'Unlock',
  'users.unlockedDone': 'Sign-in of “{name}” unlocked',
};
