// A separate OS process driving the engine, for tests of crashes and of several sweepers.
//   drive <url>            start cases and complete their tasks forever, printing ACK lines after commits
//   sweep <url> <iso-now>  fire every timer due at <iso-now>, print "FIRED <n>"
import { CaseEngine, ManualClock, openDatabase } from '../../src';
import { routeHandler } from './fixture';

const [mode, url, arg] = process.argv.slice(2);
const db = await openDatabase({ url, poolSize: 4 });

if (mode === 'sweep') {
  const engine = new CaseEngine({ pool: db.pool, clock: new ManualClock(arg), handlers: { route: routeHandler } });
  let total = 0;
  for (;;) {
    const n = await engine.fireDueTimers(7);
    total += n;
    if (n === 0) break;
  }
  process.stdout.write(`FIRED ${total}\n`);
  await db.close();
} else if (mode === 'drive') {
  const engine = new CaseEngine({ pool: db.pool, handlers: { route: routeHandler } });
  for (let i = 0; ; i++) {
    const joint = i % 2 === 0;
    let c = await engine.startCase({
      process: 'test/dispute',
      data: { applicant: `当事人${i}`, type: 'land', townships: joint ? ['a', 'b'] : ['a'], departments: ['land', 'agri'] },
    });
    process.stdout.write(`ACK start ${c.id}\n`);
    // complete up to three steps, then move on (leaving cases mid-flight too)
    for (let step = 0; step < 3 && c.openTasks.length; step++) {
      const t = c.openTasks[c.openTasks.length - 1];
      const data = t.formKey === 'mediation' ? { result: 'success' } : t.formKey === 'feedback' ? { message: 'ok' } : { satisfaction: 'satisfied' };
      c = await engine.completeTask(t.id, data, 'driver');
      process.stdout.write(`ACK complete ${t.id} ${c.id}\n`);
    }
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
