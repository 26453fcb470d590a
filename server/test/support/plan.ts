// What the statistics and 考核 tests share: a server with a pack deployed that takes hundreds of
// logins while the test clock jumps ahead, and the sum of figures per row of the expected answer.
import type { DatabaseTarget } from '../../../engine/test/support/databases';
import { loadPackDir } from '../../src/packs';
import { startTestServer, type TestServer } from './harness';

const HOUR = 3600_000;

/**
 * A test server with the pack in `packDir` deployed and the login rate limit lifted, and the admin's
 * token: tokens live 8 hours of the test clock, so `adminToken()` logs in again (argon2, slow) only
 * when the clock has moved 7 hours since the last login.
 */
export async function startPlanServer(target: DatabaseTarget, packDir: string): Promise<{ server: TestServer; adminToken: () => Promise<string> }> {
  const server = await startTestServer(target, { loginLimit: { windowMs: 60_000, limit: 100_000 } });
  await server.yizhan.services.packs.deploy(await loadPackDir(packDir), 'test');
  let since = -Infinity;
  let token = '';
  const adminToken = async () => {
    if (server.clock.now().getTime() - since > 7 * HOUR) {
      token = await server.login('admin', true);
      since = server.clock.now().getTime();
    }
    return token;
  };
  return { server, adminToken };
}

/** Adds `figures` to the row `key` of `rows` (a missing row starts at `zero`): the expected answer, row by row. */
export function addFigures<F extends { [K in keyof F]: number }>(rows: Map<string, F>, key: string, zero: F, figures: F): void {
  const row = rows.get(key) ?? { ...zero };
  for (const f of Object.keys(zero) as (keyof F)[]) row[f] = (row[f] + figures[f]) as F[keyof F];
  rows.set(key, row);
}
