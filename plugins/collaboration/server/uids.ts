export const RESOURCE = 'plugin::collaboration.resource';
export const FAVOURITE = 'plugin::collaboration.resource-favourite';
export const OPPORTUNITY = 'plugin::collaboration.opportunity';
export const RESPONSE = 'plugin::collaboration.opportunity-response';
