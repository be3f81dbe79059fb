/**
 * Order lifecycle: cart, state machine, audit, payment, fulfilment, refunds.
 * Loaded now so the plugin set is complete; its content types and services arrive with their issue.
 */
export default {
  services: {
    about: () => ({ describe: () => ({ plugin: 'orders', concern: 'Order lifecycle: cart, state machine, audit, payment, fulfilment, refunds' }) }),
  },
};
