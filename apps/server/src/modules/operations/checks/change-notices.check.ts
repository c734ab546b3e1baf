import type { Check } from './check.types.ts';

/**
 * Whether this process hears the database's change notices (LISTEN): the announcements of auth changes
 * that let it keep sessions (ADR 049), and of catalog bumps that let it keep the catalog's version
 * (ADR 052). Not hearing them is never wrong, only slower: every signed-in request reads its session
 * from the database and every public read asks the shared cache for the version first. A listener that
 * stays down (a connection limit reached, a proxy that drops idle connections) shows only as that cost,
 * so it is a WARN here rather than something an operator finds in the bench's figures. The check
 * reports the instance that runs it; `/metrics` has the same per instance (`*_hearing`).
 */
export const changeNoticesCheck: Check = {
  id: 'change_notices',
  title: 'Change notices heard (sessions, catalog)',
  schedule: 'daily',
  async run(ctx) {
    const listeners = ctx.listeners.map((l) => ({ name: l.name, hearing: l.hearing() }));
    const deaf = listeners.filter((l) => !l.hearing).map((l) => l.name);
    const details = { listeners };
    if (listeners.length === 0)
      return { state: 'ok', message: 'This instance keeps nothing that needs change notices', details };
    if (deaf.length > 0)
      return {
        state: 'warn',
        message:
          `This instance does not hear the database's change notices for: ${deaf.join(', ')}. ` +
          'It reads them again on every request (correct, but slower). Look for its listening ' +
          "connections (application_name '9tangle-listen:…' in pg_stat_activity) and at max_connections.",
        details,
      };
    return {
      state: 'ok',
      message: `This instance hears the change notices for: ${listeners.map((l) => l.name).join(', ')}`,
      details,
    };
  },
};
