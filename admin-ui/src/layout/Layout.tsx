import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useTranslate } from 'react-admin';
import { LiveEventsProvider } from '../live/LiveEvents';
import { AppBar } from './AppBar';
import { AppMenu } from './Menu';
import { RecentTabs } from './RecentTabs';

const DocumentTitle = () => {
  const translate = useTranslate();
  const title = translate('cop.app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
};

/** The signed-in console; one live-events connection (LiveEventsProvider) serves every page and the app bar. */
export const Layout = ({ children }: { children: ReactNode }) => (
  <LiveEventsProvider>
    <RaLayout appBar={AppBar} menu={AppMenu}>
      <DocumentTitle />
      <RecentTabs />
      {children}
    </RaLayout>
  </LiveEventsProvider>
);
