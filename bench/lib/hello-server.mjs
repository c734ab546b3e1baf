// The ceiling of the machine: a plain Fastify "hello world" route, in its own process, on the same Node.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.get('/api/health/ready', async () => ({ status: 'ok' }));
app.get('/metrics', async (_req, reply) => reply.type('text/plain').send('db_queries_total 0\n'));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
