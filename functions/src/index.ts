// The Functions entry (package.json `main`): every route registered here, from the one table.
import { app } from '@azure/functions';
import { routeHandler, routes } from './routes';

// Request bodies arrive as streams, so readBytes can stop at a route's limit instead of the host
// buffering up to its own 100 MB first (needs Functions host 4.28+).
app.setup({ enableHttpStream: true });

for (const route of routes) {
  app.http(route.name, { methods: route.methods, route: route.route, authLevel: 'anonymous', handler: routeHandler(route) });
}
