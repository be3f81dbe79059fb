import { createElement } from 'react';
import PersonIcon from '@mui/icons-material/Person';
import GroupsIcon from '@mui/icons-material/Groups';
import { StrategyList } from './StrategyList';
import { StrategyCreate } from './StrategyCreate';
import { StrategyEdit } from './StrategyEdit';
import type { StrategyChannel } from './types';

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
