import notification from './notification/schema.json';
import announcement from './announcement/schema.json';
import announcementRead from './announcement-read/schema.json';
import conversation from './conversation/schema.json';
import conversationMessage from './conversation-message/schema.json';

export default {
  notification: { schema: notification },
  announcement: { schema: announcement },
  'announcement-read': { schema: announcementRead },
  conversation: { schema: conversation },
  'conversation-message': { schema: conversationMessage },
};
