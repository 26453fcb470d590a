import { readFileSync } from 'node:fs';
import { openDatabase } from '@yizhan/engine';
const db = await openDatabase({ dataDir: process.argv[2] });
for (const s of readFileSync(process.argv[3], 'utf8').split(';\n').filter((x) => x.trim())) console.log(JSON.stringify((await db.pool.query(s)).rows));
await db.close();
