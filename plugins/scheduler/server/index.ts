import type { Core } from '@strapi/types';
import jobLease from './content-types/job-lease/schema.json';
import jobs from './services/jobs';

export type { JobDefinition, JobContext, RunOutcome } from './services/jobs';
export { TIME_ZONE } from './services/jobs';

export default {
  contentTypes: { 'job-lease': { schema: jobLease } },
  services: { jobs },
  // Plugins define their jobs in bootstrap; the application's bootstrap (which runs after every
  // plugin's) starts the ticks.
  destroy({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('scheduler').service('jobs').stop();
  },
};
