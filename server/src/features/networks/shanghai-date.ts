const fmt = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Shanghai of an instant: today by default. */
export const shanghaiDate = (at: Date = new Date()) => fmt.format(at);
