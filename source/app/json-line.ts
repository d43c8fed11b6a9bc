import type {Event, EventName} from './events.js';

/** The fields of one event, without its name. */
export type EventFields<E extends EventName> = Omit<Extract<Event, {event: E}>, 'event'>;

/**
 * One --json line: an event of the union in `events.ts`, with "at" (schema/dsmn-resync-events.schema.json is
 * generated from it). Characters outside ASCII are written as \uXXXX escapes: the same JSON, readable
 * through any terminal or pipe.
 */
export function jsonLine<E extends EventName>(event: E, fields: EventFields<E>, at = new Date()): string {
	return asciiLine({event, ...fields, at: at.toISOString()});
}

/** The same line from an event as one value (what the scripted runner reports). */
export function eventLine({event, ...fields}: Event, at = new Date()): string {
	return asciiLine({event, ...fields, at: at.toISOString()});
}

function asciiLine(value: object): string {
	return `${JSON.stringify(value).replace(/[\u007F-\uFFFF]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
