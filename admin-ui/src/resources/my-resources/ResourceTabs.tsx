import { Box, Tab, Tabs } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';

export const MY_RESOURCES_PAGE = 'resources';
export const FAVOURITES_PAGE = 'resources/favourites';

/** 我的资源 | 我的收藏: each a page of its own (its own URL, filters and paging). */
export const ResourceTabs = ({ value }: { value: 'mine' | 'favourites' }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', mt: 1 }}>
      <Tabs value={value}>
        <Tab value="mine" label={translate('cop.resources.tab_mine')} component={Link} to={`/${MY_RESOURCES_PAGE}`} data-testid="resources-tab-mine" />
        <Tab
          value="favourites"
          label={translate('cop.resources.tab_favourites')}
          component={Link}
          to={`/${FAVOURITES_PAGE}`}
          data-testid="resources-tab-favourites"
        />
      </Tabs>
    </Box>
  );
};
