import { Create } from 'react-admin';
import { useServerErrorNotifier } from '../shared';
import { StrategyForm } from './StrategyForm';
import { STRATEGY_WRITABLE, strategyBody, type StrategyChannel } from './types';

const defaults = {
  businessMode: 'prepaid',
  appliesTo: 'all',
  sellerIds: [],
  requiresAudit: false,
  lines: [{ minQuantity: 1 }],
};

export const StrategyCreate = ({ channel }: { channel: StrategyChannel }) => {
  const onError = useServerErrorNotifier(STRATEGY_WRITABLE);
  return (
    <Create
      redirect="list"
      mutationOptions={{ onError }}
      transform={(data: Record<string, unknown>) => ({ channel, ...strategyBody(data, channel) })}
    >
      <StrategyForm channel={channel} defaultValues={defaults} />
    </Create>
  );
};
