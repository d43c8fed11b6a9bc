/** Every --json line a test sees is checked against the published schema (schema/dsmn-resync-events.schema.json). */
import {readFileSync} from 'node:fs';
import {Ajv} from 'ajv';

const schema = JSON.parse(readFileSync(new URL('../../schema/dsmn-resync-events.schema.json', import.meta.url), 'utf8')) as {
	$id: string;
	definitions: Record<string, unknown>;
};
// "format" is documentation here; "at" carries a pattern that says the same.
const ajv = new Ajv({strict: true, allErrors: true, validateFormats: false});
const validate = ajv.compile(schema);

/** Why a line does not match: against its own event's definition when the event is known, which names the field. */
function why(value: unknown): string {
	const event = (value as {event?: unknown})?.event;
	if (typeof event === 'string' && schema.definitions[event]) {
		const own = ajv.getSchema(`${schema.$id}#/definitions/${event}`);
		if (own && !own(value)) return `event ${event}: ${ajv.errorsText(own.errors)}`;
	}
	return `event ${String(event)} is not in the schema: ${ajv.errorsText(validate.errors)}`;
}

/** Whether one parsed value is a line the schema allows; the reason when not. */
export function schemaProblem(value: unknown): string | undefined {
	return validate(value) ? undefined : why(value);
}

/** The JSON lines of a --json output, each one checked: throws, naming the line, if one does not match. */
export function schemaLines(stdout: string): Record<string, unknown>[] {
	return stdout
		.split('\n')
		.filter(line => line.trim() !== '')
		.map(line => {
			let value: unknown;
			try {
				value = JSON.parse(line);
			} catch {
				throw new Error(`not a JSON line: ${line}`);
			}
			const problem = schemaProblem(value);
			if (problem) throw new Error(`this --json line does not match the schema (${problem}):\n${line}`);
			return value as Record<string, unknown>;
		});
}
