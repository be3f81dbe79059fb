import enterprise from './enterprise/schema.json';
import enterpriseRole from './enterprise-role/schema.json';
import employee from './employee/schema.json';
import captcha from './captcha/schema.json';
import rateCount from './rate-count/schema.json';
import partnership from './partnership/schema.json';
import partnershipEvent from './partnership-event/schema.json';

export default {
  enterprise: { schema: enterprise },
  'enterprise-role': { schema: enterpriseRole },
  employee: { schema: employee },
  captcha: { schema: captcha },
  'rate-count': { schema: rateCount },
  partnership: { schema: partnership },
  'partnership-event': { schema: partnershipEvent },
};
