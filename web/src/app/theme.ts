import type { ThemeConfig } from 'antd';

export const brandColor = '#1f4e9e';

/** Chinese UI type first: PingFang / YaHei / WenQuanYi before the Latin fallbacks. */
const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"WenQuanYi Micro Hei"',
  '"Noto Sans CJK SC"',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brandColor,
    colorInfo: brandColor,
    borderRadius: 6,
    fontFamily,
    colorBgLayout: '#f3f5f9',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2a57', triggerBg: '#0b2148', headerPadding: '0 24px' },
    Menu: {
      darkItemBg: '#0f2a57',
      darkSubMenuItemBg: '#0b2148',
      darkItemSelectedBg: '#2d6bd4',
    },
  },
};
