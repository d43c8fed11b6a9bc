/**
 * The published schema is made from the event union (ARCHITECTURE.md, "Events and --json"): the committed
 * file is what `npm run schema` writes, and the union and the schema agree on every event.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {eventsJsonSchema} from '../../source/app/events-schema.js';
import {Event, EVENTS} from '../../source/app/events.js';
import {eventLine} from '../../source/app/json-line.js';
import {schemaProblem} from '../helpers/json-lines.js';

const committed = JSON.parse(readFileSync(new URL('../../schema/dsmn-resync-events.schema.json', import.meta.url), 'utf8')) as unknown;

describe('schema/dsmn-resync-events.schema.json', () => {
	it('is what npm run schema writes from source/app/events.ts (run it after changing an event)', () => {
		expect(committed).toEqual(eventsJsonSchema());
	});

	it('has one definition per event of the union, and a line made by eventLine from the union passes it', () => {
		const names = EVENTS.map(e => e.shape.event.value);
		expect(new Set(names).size).toBe(names.length);
		expect(Object.keys((committed as {definitions: object}).definitions).sort()).toEqual([...names, 'at'].sort());
		const line = JSON.parse(eventLine({event: 'refused', reason: 'busy', holder: {pid: 7, since: '2026-12-01T10:00:00.000Z', what: 'the wizard'}})) as unknown;
		expect(schemaProblem(line)).toBeUndefined();
		expect(Event.safeParse({event: 'refused', reason: 'busy', holder: {pid: 7}}).success).toBe(false);
	});

	it('names every event in a test that reads --json output against the schema (a new event needs its test)', () => {
		const root = new URL('../', import.meta.url);
		const files = (readdirSync(root, {recursive: true}) as string[]).filter(f => /\.test\.tsx?$/.test(f)).map(f => readFileSync(new URL(f, root), 'utf8'));
		const jsonTests = files.filter(text => text.includes("'--json'") && text.includes('schemaLines'));
		const unnamed = EVENTS.map(e => e.shape.event.value).filter(name => !jsonTests.some(text => text.includes(`'${name}'`)));
		expect(unnamed).toEqual([]);
	});
});
