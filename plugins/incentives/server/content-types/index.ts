import rule from './incentive-rule/schema.json';
import record from './incentive-record/schema.json';

export default {
  'incentive-rule': { schema: rule },
  'incentive-record': { schema: record },
};
