import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import {
  EventStreamParser,
  MAX_RETRY_MS,
  RECONNECT_MS,
  connectLiveEvents,
  retryDelay,
  type LiveEvent,
} from '../live/liveEvents';
import { invalidateFor, staleResourcesOf } from '../live/LiveEvents';

const encoder = new TextEncoder();

/** A fetch Response whose body yields the given chunks (strings, or bytes), then ends or stays open. */
function streamResponse(chunks: (string | Uint8Array)[], { end = true, status = 200 } = {}) {
  let index = 0;
  let release: (() => void) | null = null;
  const reader = {
    read: vi.fn(async () => {
      if (index < chunks.length) {
        const chunk = chunks[index++];
        return { done: false, value: typeof chunk === 'string' ? encoder.encode(chunk) : chunk };
      }
      if (end) return { done: true, value: undefined };
      await new Promise<void>((resolve) => (release = resolve));
      throw new DOMException('aborted', 'AbortError');
    }),
    cancel: vi.fn(),
  };
  return {
    response: { ok: status >= 200 && status < 300, status, body: { getReader: () => reader } } as unknown as Response,
    abort: () => release?.(),
  };
}

describe('EventStreamParser', () => {
  it('parses data events, skipping ping comments', () => {
    const parser = new EventStreamParser();
    expect(parser.feed(': ping\n\ndata: {"type":"notification"}\n\n: ping\n\n')).toEqual([{ type: 'notification' }]);
  });

  it('reassembles events split anywhere across chunks, including inside the JSON and the blank line', () => {
    const parser = new EventStreamParser();
    const text = 'data: {"type":"message","conversationId":12}\n\ndata: {"type":"notification"}\n\n';
    const events: LiveEvent[] = [];
    for (let i = 0; i < text.length; i += 5) events.push(...parser.feed(text.slice(i, i + 5)));
    expect(events).toEqual([{ type: 'message', conversationId: 12 }, { type: 'notification' }]);
    // an event is complete only at its blank line
    expect(parser.feed('data: {"type":"message","conversationId":3}\n')).toEqual([]);
    expect(parser.feed('\n')).toEqual([{ type: 'message', conversationId: 3 }]);
  });

  it('handles CRLF line ends, also when a chunk ends between \\r and \\n', () => {
    const parser = new EventStreamParser();
    expect(parser.feed('data: {"type":"notification"}\r')).toEqual([]);
    expect(parser.feed('\n\r')).toEqual([]);
    expect(parser.feed('\n: ping\r\n\r\n')).toEqual([{ type: 'notification' }]);
  });

  it('joins multi-line data, ignores other fields and drops what is not a typed JSON object', () => {
    const parser = new EventStreamParser();
    const events = parser.feed(
      'event: x\nid: 4\ndata: {"type":\ndata: "message", "conversationId": 5}\n\n' +
        'data: not json\n\ndata: [1,2]\n\ndata: {"no":"type"}\n\nretry: 100\n\n',
    );
    expect(events).toEqual([{ type: 'message', conversationId: 5 }]);
  });

  it('forgets a half-received event when reset (the stream ended)', () => {
    const parser = new EventStreamParser();
    parser.feed('data: {"type":"noti');
    parser.reset();
    expect(parser.feed('fication"}\n\ndata: {"type":"notification"}\n\n')).toEqual([{ type: 'notification' }]);
  });
});

describe('connectLiveEvents', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the stream with the bearer token and hands over each event', async () => {
    const events: LiveEvent[] = [];
    const { response, abort } = streamResponse(['data: {"type":"mess', 'age","conversationId":7}\n\n: ping\n\n'], { end: false });
    const fetchImpl = vi.fn(async () => response);
    const stop = connectLiveEvents({ getToken: () => 'jwt-1', onEvent: (e) => events.push(e), fetchImpl });
    await vi.waitFor(() => expect(events).toEqual([{ type: 'message', conversationId: 7 }]));
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/console/events');
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer jwt-1');
    expect(new Headers(init.headers).get('Accept')).toBe('text/event-stream');
    stop();
    abort();
    expect((init.signal as AbortSignal).aborted).toBe(true);
  });

  it('reconnects 3 s after the stream ends, with the current token', async () => {
    vi.useFakeTimers();
    const events: LiveEvent[] = [];
    let token = 'jwt-1';
    const first = streamResponse(['data: {"type":"notification"}\n\n']);
    const second = streamResponse(['data: {"type":"message","conversationId":1}\n\n'], { end: false });
    const fetchImpl = vi.fn().mockResolvedValueOnce(first.response).mockResolvedValueOnce(second.response);
    const onOpen = vi.fn();
    const stop = connectLiveEvents({ getToken: () => token, onEvent: (e) => events.push(e), onOpen, fetchImpl });
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual([{ type: 'notification' }]);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    token = 'jwt-2';
    await vi.advanceTimersByTimeAsync(RECONNECT_MS - 1);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(new Headers((fetchImpl.mock.calls[1][1] as RequestInit).headers).get('Authorization')).toBe('Bearer jwt-2');
    expect(events).toEqual([{ type: 'notification' }, { type: 'message', conversationId: 1 }]);
    expect(onOpen).toHaveBeenCalledTimes(2);
    stop();
    second.abort();
  });

  it('backs off while the server refuses, and waits for a token before connecting', async () => {
    vi.useFakeTimers();
    let token: string | null = null;
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(streamResponse([], { status: 503 }).response)
      .mockRejectedValueOnce(new TypeError('network down'))
      .mockResolvedValue(streamResponse([], { end: false }).response);
    const stop = connectLiveEvents({ getToken: () => token, onEvent: () => undefined, fetchImpl });
    await vi.advanceTimersByTimeAsync(RECONNECT_MS * 2);
    expect(fetchImpl).not.toHaveBeenCalled(); // signed out: nothing to connect with
    token = 'jwt';
    await vi.advanceTimersByTimeAsync(RECONNECT_MS);
    expect(fetchImpl).toHaveBeenCalledTimes(1); // 503
    await vi.advanceTimersByTimeAsync(retryDelay(1));
    expect(fetchImpl).toHaveBeenCalledTimes(2); // network error
    await vi.advanceTimersByTimeAsync(retryDelay(2) - 1);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(MAX_RETRY_MS * 2);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
  });

  it('stops for good: no reconnection after stop()', async () => {
    vi.useFakeTimers();
    const fetchImpl = vi.fn(async () => streamResponse(['data: {"type":"notification"}\n\n']).response);
    const events: LiveEvent[] = [];
    const stop = connectLiveEvents({ getToken: () => 'jwt', onEvent: (e) => events.push(e), fetchImpl });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(RECONNECT_MS * 10);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(events).toHaveLength(1);
  });

  it('keeps reading when a listener throws', async () => {
    const events: LiveEvent[] = [];
    const { response, abort } = streamResponse(['data: {"type":"notification"}\n\ndata: {"type":"message"}\n\n'], { end: false });
    const stop = connectLiveEvents({
      getToken: () => 'jwt',
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'notification') throw new Error('boom');
      },
      fetchImpl: async () => response,
    });
    await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['notification', 'message']));
    stop();
    abort();
  });

  it('doubles the retry delay up to 30 s', () => {
    expect(retryDelay(0)).toBe(3_000);
    expect(retryDelay(1)).toBe(3_000);
    expect(retryDelay(2)).toBe(6_000);
    expect(retryDelay(4)).toBe(24_000);
    expect(retryDelay(9)).toBe(MAX_RETRY_MS);
  });
});

describe('what a live event refreshes', () => {
  it('a message refreshes the threads (and the unread badge) and the open thread; a notification the bell', () => {
    expect(staleResourcesOf({ type: 'message', conversationId: 3 })).toEqual(['conversations', 'conversation-messages']);
    expect(staleResourcesOf({ type: 'notification' })).toContain('notifications');
    expect(staleResourcesOf({ type: 'other' })).toEqual([]);
  });

  it('invalidates the react-admin queries of those resources only', async () => {
    const client = new QueryClient();
    const keys = [
      ['conversations', 'getList', {}],
      ['conversations', 'unread'],
      ['conversation-messages', 'getList', { filter: { conversationId: 3 } }],
      ['notifications', 'getList', {}],
      ['orders', 'getList', {}],
    ];
    for (const key of keys) client.setQueryData(key, { total: 1 });
    invalidateFor(client, { type: 'message', conversationId: 3 });
    const stale = (key: unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(keys.map(stale)).toEqual([true, true, true, false, false]);
    invalidateFor(client, { type: 'notification' });
    expect(stale(keys[3])).toBe(true);
    expect(stale(keys[4])).toBe(false);
  });

  it('a changed order refreshes the open order and the order lists of both sides, nothing else', () => {
    const client = new QueryClient();
    const keys = [
      ['my-orders', 'getOne', { id: '7' }],
      ['orders/gov', 'getOne', { id: '7' }],
      ['orders/individual', 'getList', {}],
      ['orders', 'statistics', 'supplier'],
      ['products/ticket', 'getList', {}],
      ['notifications', 'getList', {}],
    ];
    for (const key of keys) client.setQueryData(key, { total: 1 });
    invalidateFor(client, { type: 'changed', resource: 'orders', id: 7 });
    expect(keys.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([true, true, true, true, false, false]);
    expect(staleResourcesOf({ type: 'changed' })).toEqual([]);
  });
});
