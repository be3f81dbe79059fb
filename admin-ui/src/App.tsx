import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { MENU } from '@cop/config';
import { authProvider } from './auth/authProvider';
import { flattenMenu } from './auth/access';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/Login';
import { FormNotification } from './layout/FormNotification';
import { ComingSoon } from './pages/ComingSoon';
import { theme } from './theme';
import { lazyPage } from './common/lazyPage';
import enterprises from './resources/enterprises';
import accounts from './resources/accounts';
import roles from './resources/roles';
import employees from './resources/employees';
import notifications from './resources/notifications';
import { PAGE_RESOURCES, isImplemented, resourceNameOf } from './resources/pages';

/** Menu entries not built yet (neither `ready` in @cop/config nor in PAGE_RESOURCES) get a "coming soon" page. */
/** The home page (F03/F04) is a chunk of its own too: its charts and order actions load after the shell. */
const Dashboard = lazyPage(() => import('./pages/Dashboard').then((m) => m.Dashboard));

const comingSoonItems = flattenMenu(MENU).filter((item) => item.path && !isImplemented(item));

export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    loginPage={LoginPage}
    notification={FormNotification}
    dashboard={Dashboard}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="enterprises" {...enterprises} />
    <Resource name="accounts" {...accounts} />
    <Resource name="roles" {...roles} />
    <Resource name="employees" {...employees} />
    <Resource name="notifications" {...notifications} />
    {Object.entries(PAGE_RESOURCES).map(([path, pages]) => (
      <Resource key={path} name={resourceNameOf(path)} {...pages} />
    ))}
    <CustomRoutes>
      {comingSoonItems.map((item) => (
        <Route key={item.key} path={item.path} element={<ComingSoon item={item} />} />
      ))}
    </CustomRoutes>
  </Admin>
);
