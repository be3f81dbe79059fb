import ToggleOnIcon from '@mui/icons-material/ToggleOn';
import ToggleOffIcon from '@mui/icons-material/ToggleOff';
import { VerbButton } from '../verbs';
import type { StrategyRecord } from './types';

/** 启用 / 停用: posts /strategies/:id/enable or /disable, whichever applies. */
export const StrategyStatusButtons = () => (
  <>
    <VerbButton<StrategyRecord>
      verb="enable"
      label="cop.strategies.enable"
      icon={<ToggleOnIcon />}
      testId="strategy-enable"
      when={(record) => record.status !== 'active'}
      done="cop.strategies.enabled"
    />
    <VerbButton<StrategyRecord>
      verb="disable"
      label="cop.strategies.disable"
      icon={<ToggleOffIcon />}
      testId="strategy-disable"
      confirmTitle="cop.strategies.disable_title"
      confirmContent="cop.strategies.disable_content"
      when={(record) => record.status === 'active'}
      done="cop.strategies.disabled"
    />
  </>
);
