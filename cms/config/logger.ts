import { winston, formats } from '@strapi/logger';

/**
 * LOG_LEVEL (default info; the tests use warn) is the least severe level written: `warn` writes warnings
 * and errors. A function, so that each boot reads LOG_LEVEL again.
 */
export default ({ env }) => ({
  transports: [
    new winston.transports.Console({
      level: env('LOG_LEVEL', 'info'),
      format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }),
    }),
  ],
});
