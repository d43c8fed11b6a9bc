import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {formatAge, formatDate} from '../../text/format.js';
import {safeText} from '../../text/sanitize.js';
import {displayWidth} from '../../text/measure.js';
import {wrapCommand} from '../../text/wrap.js';
import {useGlyphs} from '../theme.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

const LAST_COMMAND = 'Last command: ';
/** "Last command (Stop MSSYNC): ", naming the step that sent it. */
const lastCommandLabel = (title: string | undefined) => (title ? `Last command (${safeText(title)}): ` : LAST_COMMAND);

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
			<Text dimColor>{wrapCommand(command, columns, process.platform === 'win32' ? '^' : '\\', '  ')}</Text>
		</Box>
	);
}

/** An unfinished run: when it began, what it restores, how it was left (from its journal), and what resuming does. */
export function ResumeScreen({screen, choice, columns = 80}: {screen: Extract<Screen, {name: 'resume'}>; choice: ChoiceView; columns?: number}) {
	const glyphs = useGlyphs();
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
	return (
		<Box flexDirection="column">
			<Text bold color="yellow">
				{glyphs.warning} A {screen.flow} run on this target {how}
			</Text>
			<Text>
				It began {formatDate(started)} ({formatAge(Date.now() - started.getTime())} ago)
				{screen.backup ? `, restoring the backup in ${safeText(screen.backup)}` : ''}.
			</Text>
			<Text dimColor>Journal: {safeText(screen.journal)}</Text>
			{/* The last command this run sent to the target, never cut: beside its label where it fits, else on rows of
			    its own, broken only at spaces with the shell's continuation (ARCHITECTURE.md, "Layout at any size"). */}
			{screen.lastCommand ? (
				<LastCommand label={lastCommandLabel(screen.lastCommand.title)} command={safeText(screen.lastCommand.command)} columns={columns} />
			) : screen.noCommand ? (
				<Text dimColor>
					{LAST_COMMAND}
					{safeText(screen.noCommand)}
				</Text>
			) : null}
			{screen.service ? <Text>{safeText(screen.service)}</Text> : null}
			{screen.finished.map(title => (
				<Text key={title}>
					<Text color="green">{glyphs.ok}</Text> {title}
				</Text>
			))}
			{screen.rollbackBegan ? (
				<Text>A roll back of this run began and did not finish: rolling back again continues it from where it stopped.</Text>
			) : (
				<Text>{next}</Text>
			)}
			{screen.canRollback ? null : <Text dimColor>A {screen.flow} cannot be rolled back by this tool: resuming finishes it.</Text>}
			<Select {...choice} />
		</Box>
	);
}
