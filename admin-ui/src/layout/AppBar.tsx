import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, TitlePortal } from 'react-admin';
import { AccountMenu } from './AccountMenu';
import { ConversationsBadge } from './ConversationsBadge';
import { NotificationBell } from './NotificationBell';
import { QuickLinks } from './QuickLinks';

export const AppBar = () => (
  <RaAppBar
    userMenu={false}
    toolbar={
      <>
        <QuickLinks />
        <ConversationsBadge />
        <NotificationBell />
        <LocalesMenuButton />
        <LoadingIndicator />
        <AccountMenu />
      </>
    }
  >
    <TitlePortal />
  </RaAppBar>
);
