import { shanghaiToday } from '../../../../common/shanghai-date';

/**
 * What 标记退出 sends: the member leaves today, "today" being Shanghai's date (the server's), not the
 * browser's — a browser in UTC is a day behind between 16:00 and 24:00 UTC.
 */
export const leaveToday = () => ({ leftOn: shanghaiToday() });

/** The joining date offered by 添加成员: today in Shanghai. */
export const joinTodayDefault = () => shanghaiToday();
