export const USER = 'plugin::users-permissions.user';
export const UP_ROLE = 'plugin::users-permissions.role';
export const ENTERPRISE = 'plugin::identity.enterprise';
export const ENTERPRISE_ROLE = 'plugin::identity.enterprise-role';
export const EMPLOYEE = 'plugin::identity.employee';
export const CAPTCHA = 'plugin::identity.captcha';
export const PARTNERSHIP = 'plugin::identity.partnership';
export const PARTNERSHIP_EVENT = 'plugin::identity.partnership-event';
