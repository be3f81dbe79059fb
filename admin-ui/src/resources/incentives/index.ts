import { createElement } from 'react';
import { INCENTIVE_ICONS, IncentiveList } from './IncentiveList';
import type { PointsKind } from './types';

/** /incentives/<kind> — 协同值明细 / 奖金值明细 (both sides; server resource incentive-records, read only). */
const incentivePages = (kind: PointsKind) => ({
  list: () => createElement(IncentiveList, { kind }),
  icon: INCENTIVE_ICONS[kind],
  recordRepresentation: 'orderNumber',
});

export default {
  collaboration: incentivePages('collaboration'),
  bonus: incentivePages('bonus'),
};
