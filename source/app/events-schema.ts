/**
 * The published JSON Schema of --json lines, made from the event union (ARCHITECTURE.md, "Events and
 * --json"): one definition per event, each with "at", and a line is exactly one of them. `npm run schema`
 * writes it to schema/dsmn-resync-events.schema.json; a test fails when the committed file differs.
 */
import {z} from 'zod';
import {EVENTS} from './events.js';

const AT = {
	type: 'string',
	format: 'date-time',
	pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$',
	description: 'When the line was printed (ISO 8601, UTC).',
};

export function eventsJsonSchema(): Record<string, unknown> {
	const definitions: Record<string, unknown> = {at: AT};
	for (const member of EVENTS) {
		const name = member.shape.event.value;
		// Extending makes a new schema: the event's description goes with it.
		const {description} = member;
		const withAt = member.extend({at: z.string()});
		const {$schema: _, ...own} = z.toJSONSchema(description ? withAt.meta({description}) : withAt, {target: 'draft-7'});
		const properties = own['properties'] as Record<string, unknown>;
		definitions[name] = {...own, properties: {...properties, at: {$ref: '#/definitions/at'}}};
	}
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'https://github.com/dsmn-resync/dsmn-resync/schema/dsmn-resync-events.schema.json',
		title: 'dsmn-resync --json lines',
		description:
			'Every line dsmn-resync prints on standard output with --json is one JSON object matching this schema: scripted runs (restore, reconstruct, --resume, --rollback), check, lab status, lab sync, and usage errors. Every line has "event" (what happened) and "at" (when, ISO 8601 UTC). New events may be added in later versions; a reader should skip events it does not know. Generated from source/app/events.ts by npm run schema.',
		type: 'object',
		required: ['event', 'at'],
		properties: {event: {type: 'string'}, at: {$ref: '#/definitions/at'}},
		oneOf: EVENTS.map(member => ({$ref: `#/definitions/${member.shape.event.value}`})),
		definitions,
	};
}
