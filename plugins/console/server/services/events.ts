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
  let retry: NodeJS.Timeout | null = null;
  let keepAlive: NodeJS.Timeout | null = null;
  const postgres = () => strapi.db.dialect.client === 'postgres';
  /** The payload of an event for these enterprises (each once), or null when it is for nobody. */
  const addressed = (enterpriseIds: number[], event: ConsoleEvent) => {
    const to = [...new Set(enterpriseIds.filter((id) => Number.isSafeInteger(id)))];
    return to.length ? JSON.stringify({ to, event }) : null;
  };

  const dispatch = (payload: string) => {
    try {
      const { to, event } = JSON.parse(payload) as { to: number[]; event: ConsoleEvent };
      for (const enterpriseId of to) local.emit(`enterprise:${enterpriseId}`, event);
    } catch (error) {
      strapi.log.warn(`console events: bad payload ${String(error)}`);
    }
  };

  /** Reconnect with backoff until it works (or the service stops): a database restart must not silence the consoles. */
  function reconnect(delayMs: number) {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      listen().catch((error: Error) => {
        strapi.log.warn(`console events: reconnect failed (${error.message}); trying again`);
        reconnect(Math.min(delayMs * 2, 30_000));
      });
    }, delayMs);
  }

  async function listen() {
    const { Client } = require('pg');
    const settings = strapi.db.connection.client.connectionSettings;
    const client = new Client({ ...(typeof settings === 'string' ? { connectionString: settings } : settings), keepAlive: true });
    const lost = (why: string) => {
      if (listener !== client) return;
      strapi.log.warn(`console events: listener lost (${why}); reconnecting`);
      listener = null;
      client.end().catch(() => undefined);
      reconnect(1000);
    };
    client.on('notification', (message: { payload?: string }) => message.payload && dispatch(message.payload));
    client.on('error', (error: Error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (stopped) { await client.end().catch(() => undefined); return; }
    listener = client;
  }

  return {
    async start() {
      stopped = false;
      if (!postgres() || listener) return;
      await listen();
      // a connection that died silently (idle timeouts on the way) is found within a minute
      keepAlive = setInterval(() => {
        if (listener) listener.query('SELECT 1').catch(() => undefined);
      }, 60_000);
      keepAlive.unref();
    },

    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (keepAlive) clearInterval(keepAlive);
      retry = null;
      keepAlive = null;
      const client = listener;
      listener = null;
      if (client) await client.end().catch(() => undefined);
    },

    /**
     * For a writer that wants the event sent by a statement it runs anyway (PostgreSQL delivers a NOTIFY
     * issued inside a transaction when it commits, and never when it rolls back): the channel and payload
     * for `pg_notify(channel, payload)`. Null when not on PostgreSQL: then call `publish`.
     */
    notification(enterpriseIds: number[], event: ConsoleEvent): { channel: string; payload: string } | null {
      const payload = addressed(enterpriseIds, event);
      return postgres() && payload ? { channel: CHANNEL, payload } : null;
    },

    /** Send an event to the consoles of these enterprises once the current transaction (if any) commits. */
    publish(enterpriseIds: number[], event: ConsoleEvent) {
      const payload = addressed(enterpriseIds, event);
      if (!payload) return;
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
