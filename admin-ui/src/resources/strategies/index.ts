import { createElement } from 'react';
import PersonIcon from '@mui/icons-material/Person';
import GroupsIcon from '@mui/icons-material/Groups';
import type { StrategyChannel } from './types';
import { lazyPage } from '../../common/lazyPage';

const StrategyList = lazyPage(() => import('./StrategyList').then((m) => m.StrategyList));
const StrategyCreate = lazyPage(() => import('./StrategyCreate').then((m) => m.StrategyCreate));
const StrategyEdit = lazyPage(() => import('./StrategyEdit').then((m) => m.StrategyEdit));

/** The pages of one channel, at /strategies/<channel> (server resource `strategies`). */
const strategyPages = (channel: StrategyChannel) => ({
  list: () => createElement(StrategyList, { channel }),
  create: () => createElement(StrategyCreate, { channel }),
  edit: () => createElement(StrategyEdit, { channel }),
  icon: channel === 'gov' ? GroupsIcon : PersonIcon,
  recordRepresentation: 'name',
});

export default {
  individual: strategyPages('individual'),
  gov: strategyPages('gov'),
};
