/**
 * Stock calendar: stock rows, reservations, movements (reserve / release / consume).
 * Loaded now so the plugin set is complete; its content types and services arrive with their issue.
 */
export default {
  services: {
    about: () => ({ describe: () => ({ plugin: 'inventory', concern: 'Stock calendar: stock rows, reservations, movements (reserve / release / consume)' }) }),
  },
};
