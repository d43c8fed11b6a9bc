// npm run schema: writes schema/dsmn-resync-events.schema.json from the event union (source/app/events.ts,
// through source/app/events-schema.ts), formatted as the repository formats JSON. test/schema/events-schema.test.ts
// fails when the committed file differs from what this writes.
import {writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {format, resolveConfig} from 'prettier';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = fileURLToPath(new URL('../schema/dsmn-resync-events.schema.json', import.meta.url));
const bundled = await build({
	entryPoints: [fileURLToPath(new URL('../source/app/events-schema.ts', import.meta.url))],
	bundle: true,
	format: 'esm',
	platform: 'node',
	write: false,
	absWorkingDir: root,
	logLevel: 'error',
});
const {eventsJsonSchema} = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
const text = await format(JSON.stringify(eventsJsonSchema(), null, '\t'), {...(await resolveConfig(out)), filepath: out});
await writeFile(out, text);
console.log(`wrote ${out}`);
