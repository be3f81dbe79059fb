export const PRODUCT = 'plugin::catalogue.product';
export const STRATEGY = 'plugin::catalogue.strategy';
export const STRATEGY_LINE = 'plugin::catalogue.strategy-line';
export const STRATEGY_SELLER = 'plugin::catalogue.strategy-seller';
export const AGREEMENT = 'plugin::catalogue.agreement';
export const ENTERPRISE = 'plugin::identity.enterprise';

/** The calendar day in Asia/Shanghai (where the business runs) as YYYY-MM-DD: the shared helper. */
export { shanghaiDay as dayIn } from '@cop/config';
