import { createElement, lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Loading } from 'react-admin';

/**
 * A resource page loaded when first opened: its code is a chunk of its own, so the console's first
 * load carries only the shell (layout, menu, home). The page shows react-admin's loading indicator
 * while its chunk arrives.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => ReactElement {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  const LazyPage = (props: P) => createElement(Suspense, { fallback: createElement(Loading) }, createElement(Page as ComponentType<P>, props));
  return LazyPage;
}
