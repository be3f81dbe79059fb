/**
 * The console's live events: GET /api/console/events is a text/event-stream that needs the bearer
 * token, so it is read with fetch + response.body.getReader() (EventSource cannot send the header).
 * Each event is `data: {"type":"message","conversationId":N}` or `data: {"type":"notification"}`,
 * with a `: ping` comment every 25 s; when the stream ends the client reconnects after 3 s.
 */

export const EVENTS_URL = '/api/console/events';
/** Reconnect delay after the stream ends (the contract's 3 s). */
export const RECONNECT_MS = 3_000;
/** Longest wait between attempts while the server keeps refusing (HTTP error, network down). */
export const MAX_RETRY_MS = 30_000;

export interface LiveEvent {
  type: string;
  conversationId?: number;
  [key: string]: unknown;
}

/**
 * Incremental text/event-stream parser: feed it text as it arrives (chunks may split lines and events
 * anywhere, \n or \r\n line ends), it returns the events completed so far. Comment lines (`: ping`) and
 * non-data fields are skipped; an event's data lines are joined with \n and parsed as JSON (events
 * whose data is not a JSON object are dropped).
 */
export class EventStreamParser {
  private buffer = '';
  private data: string[] = [];

  feed(text: string): LiveEvent[] {
    this.buffer += text;
    const events: LiveEvent[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      // a lone \r at the very end may be the first half of \r\n: wait for the next chunk
      if (this.buffer[newline] === '\r' && newline === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  /** The stream ended: a pending event without its blank line is dropped, as EventSource does. */
  reset() {
    this.buffer = '';
    this.data = [];
  }

  private line(line: string): LiveEvent | null {
    if (line === '') {
      const data = this.data.join('\n');
      this.data = [];
      return data ? parseEvent(data) : null;
    }
    if (line.startsWith(':')) return null; // comment (ping)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    return null;
  }
}

function parseEvent(data: string): LiveEvent | null {
  try {
    const value = JSON.parse(data);
    return value && typeof value === 'object' && !Array.isArray(value) && typeof value.type === 'string'
      ? (value as LiveEvent)
      : null;
  } catch {
    return null;
  }
}

export interface LiveEventsOptions {
  onEvent: (event: LiveEvent) => void;
  /** The bearer token; while there is none the client waits and asks again. */
  getToken: () => string | null;
  /** Called when a stream opens (e.g. to refetch what may have changed while disconnected). */
  onOpen?: () => void;
  url?: string;
  fetchImpl?: typeof fetch;
  reconnectMs?: number;
}

/** The delay before the next attempt: 3 s after a stream ended, doubling (to 30 s) while attempts fail. */
export function retryDelay(failures: number, reconnectMs = RECONNECT_MS): number {
  if (failures <= 0) return reconnectMs;
  return Math.min(reconnectMs * 2 ** (failures - 1), MAX_RETRY_MS);
}

/**
 * Starts reading the live events; returns stop(). One connection at a time: when it ends (server
 * restart, proxy timeout) or fails, the next attempt follows after retryDelay().
 */
export function connectLiveEvents({
  onEvent,
  getToken,
  onOpen,
  url = EVENTS_URL,
  fetchImpl,
  reconnectMs = RECONNECT_MS,
}: LiveEventsOptions): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  const parser = new EventStreamParser();

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, retryDelay(failures, reconnectMs));
  };

  const run = async () => {
    if (stopped) return;
    const token = getToken();
    if (!token) {
      schedule();
      return;
    }
    controller = new AbortController();
    parser.reset();
    try {
      const response = await (fetchImpl ?? fetch)(url, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
        signal: controller.signal,
        cache: 'no-store',
      });
      if (!response.ok || !response.body) throw new Error(`live events: HTTP ${response.status}`);
      failures = 0;
      onOpen?.();
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done || stopped) break;
        const text = typeof value === 'string' ? value : decoder.decode(value, { stream: true });
        for (const event of parser.feed(text)) {
          try {
            onEvent(event);
          } catch {
            /* a failing listener must not end the stream */
          }
        }
      }
    } catch {
      if (stopped) return;
      failures += 1;
    } finally {
      controller = null;
    }
    schedule();
  };

  void run();

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    controller?.abort();
  };
}
