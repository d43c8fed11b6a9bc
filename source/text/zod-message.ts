import type {z} from 'zod';

/** "field servers.0.name: expected string, received number" — the first problem, naming the field. */
export function describeZodError(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'it does not match the expected form';
	const field = issue.path.length > 0 ? issue.path.join('.') : '(the whole file)';
	return `field ${field}: ${issue.message}`;
}
