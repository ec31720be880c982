/** Simplified Chinese strings of sign-in throttling and unlocking. */
export const zhCNSecurity = {
  'users.throttled': '登录受限至 {time}',
  'users.unlock': '解除限制',
  'users.unlockedDone': '已解除「{name}」的登录限制',
};
