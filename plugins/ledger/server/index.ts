/**
 * Money: prepaid and credit accounts, immutable transfers (pending / posted / voided).
 * Loaded now so the plugin set is complete; its content types and services arrive with their issue.
 */
export default {
  services: {
    about: () => ({ describe: () => ({ plugin: 'ledger', concern: 'Money: prepaid and credit accounts, immutable transfers (pending / posted / voided)' }) }),
  },
};
