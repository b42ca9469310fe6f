/** Validates SARIF against the vendored OASIS 2.1.0 schema (draft-04), with the formats it uses checked. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type AjvDraft04 from 'ajv-draft-04';
import type { ErrorObject } from 'ajv-draft-04';
import { projectRoot } from '../e2e/cli.js';

const schema = JSON.parse(readFileSync(path.join(projectRoot, 'fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8'));

// A CommonJS module whose export is the class itself: required, so no ESM interop guesses at its default.
const Ajv = createRequire(import.meta.url)('ajv-draft-04') as typeof AjvDraft04.default;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value) && URL.canParse(value, 'file:///estate/'));
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
const validate = ajv.compile(schema);

/** The schema's complaints, as `path: message` lines; empty when the log is valid. */
export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'}: ${e.message}`);
}
