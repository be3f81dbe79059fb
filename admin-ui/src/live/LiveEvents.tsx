import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { getToken } from '../auth/session';
import { connectLiveEvents, type LiveEvent } from './liveEvents';
import { API_RESOURCE_ALIASES } from '../apiResources';

type Listener = (event: LiveEvent) => void;

interface LiveEventsContextValue {
  subscribe(listener: Listener): () => void;
}

const LiveEventsContext = createContext<LiveEventsContextValue | null>(null);

/** The react-query key of GET /conversations/unread (the app bar's chat badge). */
export const CONVERSATIONS_UNREAD_KEY = ['conversations', 'unread'] as const;

/** A server resource and every console page that reads it (react-admin keys queries by page). */
const pagesOf = (resource: string) => [
  resource,
  ...Object.entries(API_RESOURCE_ALIASES)
    .filter(([, api]) => api === resource)
    .map(([page]) => page),
];

/**
 * What a live event makes stale. react-admin keys its queries by resource first
 * ([resource, 'getList' | 'getOne' | …, params]), so invalidating a resource refetches the lists and
 * records of it that are on screen (and the counters), nothing else.
 */
export function staleResourcesOf(event: LiveEvent): string[] {
  switch (event.type) {
    case 'message':
      return ['conversations', 'conversation-messages'];
    case 'notification':
      // the bell counts unread notifications; a notification may announce a new announcement or opportunity
      return ['notifications', 'received-announcements', 'received-opportunities', 'opportunity-responses'];
    case 'changed':
      // a record of a server resource changed (an order placed, approved, paid, fulfilled…): the open
      // record, the lists and the home cards of that resource refetch, under each page that shows it
      return typeof event.resource === 'string' ? pagesOf(event.resource) : [];
    default:
      return [];
  }
}

export function invalidateFor(queryClient: QueryClient, event: LiveEvent) {
  for (const resource of staleResourcesOf(event)) void queryClient.invalidateQueries({ queryKey: [resource] });
}

/**
 * Started once in the Layout (signed in): one live-events connection for the whole console. Events
 * refresh the affected queries; components may also listen with useLiveEvent().
 */
export const LiveEventsProvider = ({ children }: { children: ReactNode }) => {
  const queryClient = useQueryClient();
  const listeners = useRef(new Set<Listener>());
  const value = useRef<LiveEventsContextValue>({
    subscribe(listener) {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  });

  useEffect(() => {
    let opened = 0;
    return connectLiveEvents({
      getToken,
      onEvent(event) {
        invalidateFor(queryClient, event);
        for (const listener of listeners.current) listener(event);
      },
      onOpen() {
        // after a reconnection, catch up with what happened while the stream was down
        opened += 1;
        if (opened > 1) {
          invalidateFor(queryClient, { type: 'message' });
          invalidateFor(queryClient, { type: 'notification' });
        }
      },
    });
  }, [queryClient]);

  return <LiveEventsContext.Provider value={value.current}>{children}</LiveEventsContext.Provider>;
};

/** Calls the handler on every live event (while the component is mounted). */
export function useLiveEvent(handler: Listener) {
  const context = useContext(LiveEventsContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!context) return undefined;
    return context.subscribe((event) => latest.current(event));
  }, [context]);
}
