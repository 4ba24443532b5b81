// Validates an AsyncAPI document with the official parser (schema, references, payload schemas).
// Usage: node validate-asyncapi.mjs docs/asyncapi.yaml  — exits 1 on any error-level diagnostic.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';

const file = resolve(process.argv[2]);
const parser = new Parser();
const { document, diagnostics } = await parser.parse(readFileSync(file, 'utf8'), { source: file });
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics) {
  const level = ['error', 'warning', 'info', 'hint'][d.severity];
  console.log(`${level} ${d.code} ${d.path.join('.')}: ${d.message}`);
}
if (!document || errors.length > 0) {
  console.error(`${file}: ${errors.length} error(s)`);
  process.exit(1);
}
const messages = document.allMessages().length;
const channels = document.allChannels().length;
console.log(`${file}: valid AsyncAPI ${document.version()}, ${channels} channels, ${messages} messages`);
