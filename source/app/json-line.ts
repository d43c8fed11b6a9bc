/**
 * One --json line: every line has "event" and "at" (schema/dsmn-resync-events.schema.json describes them all).
 * Characters outside ASCII are written as \uXXXX escapes: the same JSON, readable through any terminal or pipe.
 */
export function jsonLine(event: string, fields: Record<string, unknown> = {}, at = new Date()): string {
	const text = JSON.stringify({event, ...fields, at: at.toISOString()});
	return `${text.replace(/[\u007F-\uFFFF]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
