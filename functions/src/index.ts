// The Functions entry (package.json `main`): every route registered here, from the one table.
import { app } from '@azure/functions';
import { sweepAbandoned } from './claims';
import { routeHandler, routes } from './routes';
import { getRepository } from './services';

// Request bodies arrive as streams, so readBytes can stop at a route's limit instead of the host
// buffering up to its own 100 MB first (needs Functions host 4.28+).
app.setup({ enableHttpStream: true });

for (const route of routes) {
  app.http(route.name, { methods: route.methods, route: route.route, authLevel: 'anonymous', handler: routeHandler(route) });
}

// Claims whose owner died (an instance lost mid-submission) are recovered by the next retry, and
// by this sweep: partial versions deleted, unfinished pointers moved, abandoned claims dropped.
app.timer('sweep-abandoned-claims', {
  schedule: '0 */2 * * * *',
  handler: async (_timer, context) => {
    const counts = await sweepAbandoned(getRepository());
    if (counts.claims + counts.pointers > 0) context.log(`sweep: ${JSON.stringify(counts)}`);
  },
});
