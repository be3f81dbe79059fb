export * from './enterprise';
export * from './permissions';
export * from './menu';
export * from './errors';
export * from './notifications';
export * from './time';
export * from './orders';
export * from './idempotency';
