import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {formatAge, formatDate} from '../../text/format.js';
import {safeText} from '../../text/sanitize.js';
import {toAscii} from '../../text/ascii.js';
import {displayWidth, rowsOf, wrappedRows} from '../../text/measure.js';
import {wrapCommand} from '../../text/wrap.js';
import {useGlyphs} from '../theme.js';
import {Select, type ChoiceView} from '../widgets/Select.js';
import {HERE} from '../widgets/StartAgain.js';
import type {ReactNode} from 'react';

const LAST_COMMAND = 'Last command: ';

type Resume = Extract<Screen, {name: 'resume'}>;

/**
 * "Last command (Stop MSSYNC): ", naming the step that sent it. Where the run was left in a later step that sent
 * none (a synchronize cut off after Start MSSYNC), the label says so: the command is not what the run did last.
 */
function lastCommandLabel(screen: Resume): string {
	const sent = screen.lastCommand;
	if (!sent?.title) return LAST_COMMAND;
	const left = screen.standing.step ?? screen.standing.during;
	if (left && sent.step && sent.step !== left && screen.standingTitle)
		return `Last command sent (by "${safeText(sent.title)}"; "${safeText(screen.standingTitle)}" sent none): `;
	return `Last command (${safeText(sent.title)}): `;
}

/**
 * The run's steps as they stand, in the plan's order: each done one ticked, the one resuming does next marked
 * with what happened to it, the rest numbered. Without the plan (an older screen), the steps done. Once a roll
 * back began, none is ticked or next: it undoes what they did, and the run is not resumed.
 */
export function resumeStepLines(screen: Resume, glyphs: {ok: string; error: string; arrow: string; bullet: string}): {mark: string; text: string}[] {
	if (screen.rollbackBegan) return (screen.planSteps ?? []).map((title, i) => ({mark: ' ', text: `${i + 1}. ${title}`}));
	if (!screen.planSteps) return screen.finished.map(title => ({mark: glyphs.ok, text: title}));
	const done = new Set(screen.finished);
	const {state, during} = screen.standing;
	const next =
		state === 'failed'
			? {mark: glyphs.error, how: ': failed; resuming does it again'}
			: state === 'awaiting-manual'
				? {mark: glyphs.bullet, how: ': waits for you to confirm it'}
				: during
					? {mark: glyphs.arrow, how: ': cut off; resuming does it again from its start'}
					: {mark: glyphs.bullet, how: ': next; resuming goes on with it'};
	return screen.planSteps.map((title, i) => {
		const numbered = `${i + 1}. ${title}`;
		if (done.has(title)) return {mark: glyphs.ok, text: numbered};
		if (title === screen.next) return {mark: next.mark, text: numbered + next.how};
		return {mark: ' ', text: numbered};
	});
}

function LastCommand({label, command, columns}: {label: string; command: string; columns: number}) {
	if (displayWidth(label + command) <= columns)
		return (
			<Text dimColor>
				{label}
				{command}
			</Text>
		);
	return (
		<Box flexDirection="column">
			<Text dimColor>{label.trimEnd()}</Text>
			<Text dimColor>{wrapCommand(command, columns, HERE, '  ')}</Text>
		</Box>
	);
}

/** One part of the screen: its text (for the help when left out), how much it matters (0 always drawn), its rows, how it is drawn. */
type Part = {text: string; rank: number; rows: number; draw: (key: number) => ReactNode};

/** The line that counts what a short terminal left out: `?` shows it. */
const hiddenNote = (hidden: number) => `(${hidden} more ${hidden === 1 ? 'line' : 'lines'}: ? shows ${hidden === 1 ? 'it' : 'them'})`;

/** The screen's parts in their order: how the run was left, when it began, its journal, its last command, MSSYNC, the steps done, what resuming does. */
function resumeParts(screen: Resume, columns: number, glyphs: ReturnType<typeof useGlyphs>): Part[] {
	const started = new Date(screen.started);
	const {standing} = screen;
	const about = screen.standingTitle ?? '';
	const how =
		standing.state === 'failed'
			? `stopped when "${about}" failed${standing.message ? `: ${safeText(standing.message).replace(/\.+$/, '')}` : ''}.`
			: standing.state === 'awaiting-manual'
				? `waits for you to do "${about}" and confirm it.`
				: standing.during
					? `was cut off during "${about}".`
					: standing.signal === 'user'
						? 'was left at a safe point, between two steps.'
						: standing.signal
							? `was stopped between two steps (${safeText(standing.signal)}${standing.signal === 'SIGHUP' ? ': the terminal closed' : ''}).`
							: 'was cut off between two steps.';
	const next = !screen.next
		? 'Every step had finished: resuming closes the run.'
		: standing.state === 'interrupted' && standing.during === undefined
			? `Resuming goes on with "${screen.next}".`
			: standing.state === 'awaiting-manual'
				? `Resuming asks you again to confirm "${screen.next}".`
				: `Resuming does "${screen.next}" again, from its start.`;
	// Measured as drawn: in ASCII "—" takes two columns (text/ascii.ts).
	const measured = (text: string) => (glyphs.ascii ? toAscii(text) : text);
	const line = (text: string, rank: number, draw: (key: number) => ReactNode): Part => ({text, rank, rows: wrappedRows(measured(text), columns), draw});
	const parts: Part[] = [];
	const title = `${glyphs.warning} A ${screen.flow} run on this target ${how}`;
	parts.push(
		line(title, 0, key => (
			<Text key={key} bold color="yellow">
				{title}
			</Text>
		)),
	);
	const began = `It began ${formatDate(started)} (${formatAge(Date.now() - started.getTime())} ago)${screen.backup ? `, restoring the backup in ${safeText(screen.backup)}` : ''}.`;
	parts.push(line(began, 3, key => <Text key={key}>{began}</Text>));
	const journal = `Journal: ${safeText(screen.journal)}`;
	parts.push(
		line(journal, 4, key => (
			<Text key={key} dimColor>
				{journal}
			</Text>
		)),
	);
	// The last command this run sent to the target, never cut: beside its label where it fits, else on rows of
	// its own, broken only at spaces with the shell's continuation (ARCHITECTURE.md, "Layout at any size").
	if (screen.lastCommand) {
		const label = lastCommandLabel(screen);
		const command = safeText(screen.lastCommand.command);
		const rows = displayWidth(label + command) <= columns ? 1 : 1 + wrapCommand(command, columns, HERE, '  ').split('\n').length;
		parts.push({text: label + command, rank: 2, rows, draw: key => <LastCommand key={key} label={label} command={command} columns={columns} />});
	} else if (screen.noCommand) {
		const text = LAST_COMMAND + safeText(screen.noCommand);
		parts.push(
			line(text, 2, key => (
				<Text key={key} dimColor>
					{text}
				</Text>
			)),
		);
	}
	// MSSYNC as it is now, always drawn: what the admin must know before choosing (a service left stopped syncs nothing).
	if (screen.service) {
		const service = safeText(screen.service);
		parts.push(line(service, 0, key => <Text key={key}>{service}</Text>));
	}
	if (screen.servers) {
		const servers = safeText(screen.servers);
		parts.push(line(servers, 1, key => <Text key={key}>{servers}</Text>));
	}
	// The plan's steps as they stand, all or none: the step list above names them too (at least how many), so they go
	// first where rows are short, and `?` then lists every one, the step resuming does included.
	const steps = resumeStepLines(screen, glyphs);
	if (screen.finished.length > 0 || screen.planSteps) {
		const lines = steps.map(step => `${step.mark} ${step.text}`);
		parts.push({
			text: lines.join('\n'),
			rank: 5,
			rows: rowsOf(lines.map(measured), columns),
			draw: key => (
				<Box key={key} flexDirection="column">
					{steps.map(step => (
						<Text key={step.text}>
							<Text color={step.mark === glyphs.ok ? 'green' : step.mark === glyphs.error ? 'red' : undefined}>{step.mark}</Text> {step.text}
						</Text>
					))}
				</Box>
			),
		});
	}
	const then = screen.rollbackBegan ? 'A roll back of this run began and did not finish: rolling back again continues it from where it stopped.' : next;
	parts.push(line(then, 0, key => <Text key={key}>{then}</Text>));
	if (!screen.canRollback) {
		const cannot = `A ${screen.flow} cannot be rolled back by this tool: resuming finishes it.`;
		parts.push(
			line(cannot, 1, key => (
				<Text key={key} dimColor>
					{cannot}
				</Text>
			)),
		);
	}
	return parts;
}

/**
 * Which parts fit `rows` rows with the list under them (ARCHITECTURE.md, "Layout at any size"): how the run
 * was left, what resuming does and MSSYNC's state always; then the last command, when it began, the journal,
 * the steps done (the step list above names them), each kept if it fits with those before it in that order;
 * what is left out is counted, and `?` shows it (`hidden`).
 */
export function resumeLayout(screen: Resume, rows: number, columns: number, choices: readonly string[], glyphs: ReturnType<typeof useGlyphs>) {
	const parts = resumeParts(screen, columns, glyphs);
	const fixed = rowsOf(choices, Math.max(1, columns - 2));
	const kept = new Set(parts.flatMap((part, i) => (part.rank === 0 ? [i] : [])));
	const used = () => [...kept].reduce((sum, i) => sum + parts[i]!.rows, fixed);
	const note = (hidden: number) => (hidden > 0 ? wrappedRows(hiddenNote(hidden), columns) : 0);
	const order = parts.map((_, i) => i).filter(i => parts[i]!.rank > 0);
	order.sort((a, b) => parts[a]!.rank - parts[b]!.rank || a - b);
	const linesLeft = () => parts.reduce((sum, part, i) => sum + (kept.has(i) ? 0 : part.text.split('\n').length), 0);
	for (const i of order) {
		kept.add(i);
		if (used() + note(linesLeft()) > rows) kept.delete(i);
	}
	// One line each, as the help draws them (a line break in a text the help shows is escaped, not drawn).
	return {parts, kept, hidden: parts.filter((_, i) => !kept.has(i)).flatMap(part => part.text.split('\n'))};
}

/** An unfinished run: when it began, what it restores, how it was left (from its journal), and what resuming does. */
export function ResumeScreen({
	screen,
	choice,
	columns = 80,
	rows = Number.POSITIVE_INFINITY,
}: {
	screen: Resume;
	choice: ChoiceView;
	columns?: number;
	rows?: number;
}) {
	const glyphs = useGlyphs();
	const {parts, kept, hidden} = resumeLayout(
		screen,
		rows,
		columns,
		choice.items.map(item => item.label),
		glyphs,
	);
	return (
		<Box flexDirection="column">
			{parts.map((part, i) => (kept.has(i) ? part.draw(i) : null))}
			{hidden.length > 0 ? <Text dimColor>{hiddenNote(hidden.length)}</Text> : null}
			<Select {...choice} />
		</Box>
	);
}
