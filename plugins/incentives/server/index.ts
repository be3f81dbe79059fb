/**
 * Incentive points from order events.
 * Loaded now so the plugin set is complete; its content types and services arrive with their issue.
 */
export default {
  services: {
    about: () => ({ describe: () => ({ plugin: 'incentives', concern: 'Incentive points from order events' }) }),
  },
};
