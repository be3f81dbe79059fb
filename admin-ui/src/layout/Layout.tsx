import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useTranslate } from 'react-admin';
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

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar} menu={AppMenu}>
    <DocumentTitle />
    <RecentTabs />
    {children}
  </RaLayout>
);
