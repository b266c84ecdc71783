import Fastify from 'fastify';

// The baseline: a bare Fastify 5 server, in its own process, with one route answering {}.
// The app's routes are reported as a ratio to it, so a slower or faster machine cancels out.

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('empty-server: PORT must be set to a port number');
  process.exit(1);
}

const app = Fastify({ logger: false });
app.get('/', async () => ({}));
await app.listen({ port, host: '127.0.0.1' });

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
