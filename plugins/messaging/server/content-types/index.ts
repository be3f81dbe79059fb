import notification from './notification/schema.json';

export default { notification: { schema: notification } };
