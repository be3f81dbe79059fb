import { Edit, TopToolbar, useRecordContext } from 'react-admin';
import { useServerErrorNotifier } from '../shared';
import { StrategyStatusButtons } from './buttons';
import { StrategyForm } from './StrategyForm';
import { STRATEGY_WRITABLE, strategyBody, type StrategyChannel, type StrategyRecord } from './types';

const EditActions = () => (
  <TopToolbar>
    <StrategyStatusButtons />
  </TopToolbar>
);

/** The record's own channel decides the fields (a link may open a strategy of the other channel). */
const EditForm = ({ channel }: { channel: StrategyChannel }) => {
  const record = useRecordContext<StrategyRecord>();
  if (!record) return null;
  return <StrategyForm channel={record.channel ?? channel} showStatus />;
};

export const StrategyEdit = ({ channel }: { channel: StrategyChannel }) => {
  const onError = useServerErrorNotifier(STRATEGY_WRITABLE);
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="list"
      actions={<EditActions />}
      mutationOptions={{ onError }}
      transform={(data: Record<string, unknown>) => strategyBody(data, (data.channel as StrategyChannel) ?? channel)}
    >
      <EditForm channel={channel} />
    </Edit>
  );
};
