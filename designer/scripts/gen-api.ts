// npm run gen:api -w @yizhan/designer — writes designer/src/api/schema.d.ts from the server's
// OpenAPI document (see ./api-schema.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateApiSchema, SCHEMA_FILE } from './api-schema';

const text = await generateApiSchema();
let old = '';
try {
  old = readFileSync(SCHEMA_FILE, 'utf8');
} catch {
  // first generation
}
if (old === text) {
  console.log('schema.d.ts 已是最新');
} else {
  writeFileSync(SCHEMA_FILE, text);
  console.log(`已写入 ${relative(join(import.meta.dirname, '..', '..'), SCHEMA_FILE)}（${text.length} 字符）`);
}
process.exit(0);
