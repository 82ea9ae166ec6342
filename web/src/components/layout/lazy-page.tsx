import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { Loading } from '../ui/loading.tsx';

/**
 * A page loaded with its own JavaScript chunk the first time it is shown: the named export
 * `name` of the module `load` imports. `load` must be a literal `import('./pages/…')` so the
 * bundler splits the page (and everything only it uses, like the chart library) off the entry.
 */
export function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy<ComponentType>(async () => ({ default: (await load())[name] }));
}

/** Where a lazily loaded page appears: the loading indicator until its chunk has arrived. */
export function PageSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="page-loading">
          <Loading />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}
