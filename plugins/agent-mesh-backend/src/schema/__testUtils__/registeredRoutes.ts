import { Server } from 'node:http';

/** The parts of an Express 4 router layer that the walk reads. */
interface Layer {
  regexp: RegExp & { fast_slash?: boolean };
  handle: { stack?: Layer[] };
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * The routes (`GET /overlaps`, ...) that a running backend serves under `/api/<pluginId>`,
 * read from the Express router stack. Backstage's own routes, which the framework adds to every
 * plugin (`/.backstage/...` from the httpRouter service, `/.well-known/backstage/...` from the
 * permissions registry), are left out.
 */
export function registeredRoutes(server: Server, pluginId: string): string[] {
  const [app] = server.listeners('request') as Array<{
    _router?: { stack: Layer[] };
  }>;
  if (!app?._router) {
    throw new Error('The server does not serve an Express 4 application');
  }
  const mount = `/api/${pluginId}`;
  const pluginRouters: Layer[] = [];
  const findMount = (stack: Layer[]) => {
    for (const layer of stack) {
      if (!layer.handle.stack) continue;
      if (layer.regexp.fast_slash) {
        findMount(layer.handle.stack);
      } else if (layer.regexp.test(mount) && !layer.regexp.test('/api')) {
        pluginRouters.push(layer);
      }
    }
  };
  findMount(app._router.stack);
  if (pluginRouters.length !== 1) {
    throw new Error(
      `Expected one router mounted at ${mount}, found ${pluginRouters.length}`,
    );
  }

  const routes: string[] = [];
  const collect = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on) routes.push(`${method.toUpperCase()} ${layer.route.path}`);
        }
      } else if (layer.handle.stack) {
        // Our routers are mounted without a path; a path here would be missed, so say so.
        if (!layer.regexp.fast_slash) {
          throw new Error(
            `A router is mounted under a path (${layer.regexp}) inside ${mount}`,
          );
        }
        collect(layer.handle.stack);
      }
    }
  };
  collect(pluginRouters[0].handle.stack!);
  return [...new Set(routes)]
    .filter(route => {
      const path = route.split(' ')[1];
      return (
        !path.startsWith('/.backstage/') &&
        !path.startsWith('/.well-known/backstage/')
      );
    })
    .sort();
}
