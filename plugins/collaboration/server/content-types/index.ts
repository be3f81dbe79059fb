import resource from './resource/schema.json';
import resourceFavourite from './resource-favourite/schema.json';
import opportunity from './opportunity/schema.json';
import opportunityResponse from './opportunity-response/schema.json';

export default {
  resource: { schema: resource },
  'resource-favourite': { schema: resourceFavourite },
  opportunity: { schema: opportunity },
  'opportunity-response': { schema: opportunityResponse },
};
