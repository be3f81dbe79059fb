export const PRODUCT = 'plugin::catalogue.product';
export const STRATEGY = 'plugin::catalogue.strategy';
export const STRATEGY_LINE = 'plugin::catalogue.strategy-line';
export const STRATEGY_SELLER = 'plugin::catalogue.strategy-seller';
export const AGREEMENT = 'plugin::catalogue.agreement';
export const ENTERPRISE = 'plugin::identity.enterprise';

const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The calendar day in Asia/Shanghai (where the business runs) as YYYY-MM-DD. */
export const dayIn = (now: Date): string => SHANGHAI.format(now);
