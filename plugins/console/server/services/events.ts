import { EventEmitter } from 'events';

const CHANNEL = 'cop_console_events';

export interface ConsoleEvent { type: string; [key: string]: unknown }
type Listener = (event: ConsoleEvent) => void;

/**
 * Live events for open consoles (server-sent events at GET /api/console/events).
 * Events are addressed to enterprises. They leave only after the publishing transaction commits.
 * On PostgreSQL they travel through NOTIFY / LISTEN so that every server instance on the database
 * delivers them to its own connected consoles; on SQLite (one instance) they stay in process.
 * Events say what changed, never the content: the console refetches through the tenancy-checked API.
 */
export default ({ strapi }: { strapi: any }) => {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  let listener: any = null;
  let stopped = false;
  const postgres = () => strapi.db.dialect.client === 'postgres';

  const dispatch = (payload: string) => {
    try {
      const { to, event } = JSON.parse(payload) as { to: number[]; event: ConsoleEvent };
      for (const enterpriseId of to) local.emit(`enterprise:${enterpriseId}`, event);
    } catch (error) {
      strapi.log.warn(`console events: bad payload ${String(error)}`);
    }
  };

  async function listen() {
    const { Client } = require('pg');
    const settings = strapi.db.connection.client.connectionSettings;
    const client = new Client(typeof settings === 'string' ? { connectionString: settings } : settings);
    client.on('notification', (message: { payload?: string }) => message.payload && dispatch(message.payload));
    client.on('error', (error: Error) => {
      strapi.log.warn(`console events: listener lost (${error.message}); reconnecting`);
      listener = null;
      if (!stopped) setTimeout(() => listen().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  }

  return {
    async start() {
      stopped = false;
      if (postgres() && !listener) await listen();
    },

    async stop() {
      stopped = true;
      const client = listener;
      listener = null;
      if (client) await client.end().catch(() => undefined);
    },

    /** Send an event to the consoles of these enterprises once the current transaction (if any) commits. */
    publish(enterpriseIds: number[], event: ConsoleEvent) {
      const to = [...new Set(enterpriseIds.filter((id) => Number.isSafeInteger(id)))];
      if (!to.length) return;
      const payload = JSON.stringify({ to, event });
      const send = () => {
        if (postgres()) {
          strapi.db.connection.raw('select pg_notify(?, ?)', [CHANNEL, payload])
            .catch((error: Error) => strapi.log.warn(`console events: notify failed (${error.message})`));
        } else {
          setImmediate(() => dispatch(payload));
        }
      };
      if (strapi.db.inTransaction()) strapi.db.transaction(async ({ onCommit }: any) => onCommit(send));
      else send();
    },

    subscribe(enterpriseId: number, fn: Listener): () => void {
      local.on(`enterprise:${enterpriseId}`, fn);
      return () => { local.off(`enterprise:${enterpriseId}`, fn); };
    },
  };
};
