// The Functions entry (package.json `main`): every route registered here, from the one table.
import { app } from '@azure/functions';
import { routeHandler, routes } from './routes';

for (const route of routes) {
  app.http(route.name, { methods: route.methods, route: route.route, authLevel: 'anonymous', handler: routeHandler(route) });
}
