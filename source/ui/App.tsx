import {Box, Static, useApp, useStdout} from 'ink';
import {Text} from './widgets/Text.js';
import {useEffect, useState, useSyncExternalStore} from 'react';
import {BREAK_LOCK_STEP} from '../wizard/break-lock.js';
import {choicesOf} from '../wizard/choices.js';
import {screenKeys} from '../wizard/key-table.js';
import type {WizardController} from '../wizard/controller.js';
import {safeText} from '../text/sanitize.js';
import {shortenMiddle} from '../text/shorten.js';
import {useKeys} from './use-keys.js';
import {AskBackupScreen} from './screens/AskBackupScreen.js';
import {ChooseBackupScreen} from './screens/ChooseBackupScreen.js';
import {BreakLockScreen} from './screens/BreakLockScreen.js';
import {ConfirmScreen, confirmLayout} from './screens/ConfirmScreen.js';
import {ConsequencesScreen} from './screens/ConsequencesScreen.js';
import {ManualScreen} from './screens/ManualScreen.js';
import {MultiSelectScreen} from './screens/MultiSelectScreen.js';
import {PasswordEntryScreen} from './screens/PasswordEntryScreen.js';
import {PasswordPolicyScreen} from './screens/PasswordPolicyScreen.js';
import {PasswordsFileScreen} from './screens/PasswordsFileScreen.js';
import {DiscoverScreen} from './screens/DiscoverScreen.js';
import {FailureScreen} from './screens/FailureScreen.js';
import {InspectScreen, inspectLayout} from './screens/InspectScreen.js';
import {LoadingScreen} from './screens/LoadingScreen.js';
import {PlanScreen, planLayout} from './screens/PlanScreen.js';
import {ResumeScreen, resumeLayout} from './screens/ResumeScreen.js';
import {RunningScreen} from './screens/RunningScreen.js';
import {SummaryScreen} from './screens/SummaryScreen.js';
import {SituationScreen} from './screens/SituationScreen.js';
import {TargetFieldScreen} from './screens/TargetFieldScreen.js';
import {TargetScreen} from './screens/TargetScreen.js';
import {ValidationScreen, validationLayout} from './screens/ValidationScreen.js';
import {markCell} from '../text/glyphs.js';
import {useGlyphs} from './theme.js';
import {HELP_BOX_ROWS, HelpOverlay, helpLines, helpPages, QuitOverlay, quitNoteLayout} from './widgets/Overlays.js';
import {questionLayout} from './widgets/Question.js';
import {StepList, stepListRows} from './widgets/StepList.js';
import {rowsOf, wrappedRows} from '../text/measure.js';
import {wrapCommand, wrapItems} from '../text/wrap.js';

/**
 * The rows and columns a frame may take (ARCHITECTURE.md, "Layout at any size"): one row less than the terminal's. A
 * frame as tall as the terminal is drawn by Ink without its last newline and clears the scrollback on the next one.
 */
function useTerminalSize(): {rows: number; columns: number} {
	const {stdout} = useStdout();
	const read = () => ({rows: (stdout.rows || 24) - 1, columns: stdout.columns || 80});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => void stdout.off('resize', onResize);
	}, [stdout]);
	return size;
}

const LAST_COMMAND = 'Last command: ';
/**
 * Where the last command run on the target helps: while a step runs or waits for the admin's hand, and when
 * one failed (the resume screen names the run's own). On a question it is noise.
 */
const SHOWS_LAST_COMMAND = new Set<string>(['loading', 'running', 'manual', 'failure']);
/** The rows a running step keeps for its progress under the help. */
const RUNNING_UNDER_HELP = 4;

/** Draws the wizard's state; its keys go through the one input handler (ARCHITECTURE.md, "Keys and type-ahead"). */
export function App({controller}: {controller: WizardController}) {
	const state = useSyncExternalStore(controller.subscribe, controller.getState);
	const pointer = useSyncExternalStore(controller.choices.subscribe, controller.choices.pointer);
	const glyphs = useGlyphs();
	const {exit} = useApp();
	const {rows, columns} = useTerminalSize();
	useKeys(controller);

	useEffect(() => {
		if (state.exit !== undefined) exit();
	}, [state.exit, exit]);

	const {screen} = state;
	const canGoBack = controller.canGoBack();
	const separator = ` ${glyphs.separator} `;
	// The footer's items wrap whole: a key is never on another row than what it does.
	const footerOf = (drawn: typeof state) => wrapItems(screenKeys(drawn, canGoBack, glyphs).footer, columns, separator);
	const footer = footerOf(state);
	const footerUnder = state.overlay ? footerOf({...state, overlay: undefined}) : footer;
	const choice = {items: choicesOf(screen, canGoBack)?.items ?? [], pointer};
	const lastCommand = state.commands.length > 0 && state.exit === undefined && SHOWS_LAST_COMMAND.has(screen.name) ? state.commands.at(-1) : undefined;
	// What is drawn around the screen: the header, the step list, the notice, the commands, the footer.
	const article = state.kb ?? 'KB Q148678';
	const headerText = `dsmn-resync${separator}${article}${state.targetDescription ? `${separator}${safeText(state.targetDescription)}` : ''}`;
	// The last screen gives up the step list's line where it would push the header off (its title says how the run ended).
	const summaryRows = screen.name === 'summary' ? rowsOf([`${glyphs.warning} ${safeText(screen.title)}`, ...screen.lines.map(safeText)], columns) : 0;
	const stepsShown =
		state.steps !== undefined &&
		!(
			screen.name === 'summary' &&
			wrappedRows(headerText, columns) + stepListRows(state.steps, columns) + summaryRows + (footer ? wrappedRows(footer, columns) : 0) > rows
		);
	const chromeRows =
		wrappedRows(headerText, columns) +
		(stepsShown ? stepListRows(state.steps, columns) : 0) +
		(state.notice ? wrappedRows(state.notice, columns) : 0) +
		(lastCommand ? 1 : 0) +
		// The footer as it is without an overlay: a confirmation lays out the same with its help open (hiddenLines).
		(footerUnder ? wrappedRows(footerUnder, columns) : 0);
	// What an overlay and a running step under it share: what the chrome leaves, with no footer (an overlay names its own keys).
	const overlayRoom = rows - chromeRows + (footerUnder ? wrappedRows(footerUnder, columns) : 0);
	const running = screen.name === 'running';
	// The help's room: less a few rows for a running step's progress under it (it pages the rest).
	const helpRoom = overlayRoom - (running ? RUNNING_UNDER_HELP : 0);
	const help = state.overlay === 'help' ? helpPages(helpLines(screen, state.steps, hiddenLines()), helpRoom, columns, glyphs.ascii) : undefined;
	const helpCount = help?.length ?? 1;
	useEffect(() => controller.helpPaged(helpCount), [controller, helpCount]);
	// The quit question's room: a running step keeps at least its title under it; a note taller than that is cut.
	const quitRoom = overlayRoom - (running ? 1 : 0);
	const quitNote = state.overlay === 'quit' ? controller.leavingNote() : undefined;
	const overlayRows = help
		? HELP_BOX_ROWS + (help[Math.min(state.helpPage ?? 0, help.length - 1)]?.length ?? 0)
		: quitNote !== undefined
			? quitNoteLayout(quitNote, quitRoom, columns, glyphs.ascii).rows
			: 0;
	// Every frame is at most the terminal's rows less one, an overlay open or not ("Layout at any size").
	const screenRows = (state.overlay ? overlayRoom : rows - chromeRows) - overlayRows;
	return (
		<>
			<Static items={state.log}>
				{line =>
					line.command ? (
						// A command stands alone, no bullet to copy with it, whole or clearly continued.
						<Text key={line.id}>{wrapCommand(safeText(line.text), columns, line.command.continuation, '  ')}</Text>
					) : (
						<Text key={line.id} color={line.tone === 'ok' ? 'green' : line.tone === 'error' ? 'red' : line.tone === 'warning' ? 'yellow' : undefined}>
							{/* One space after the mark, as drawn: a line of the log is no column to align ("[!] the backup…"). */}
							{line.tone === 'ok' ? glyphs.ok : line.tone === 'error' ? glyphs.error : line.tone === 'warning' ? glyphs.warning : glyphs.bullet}{' '}
							{safeText(line.text)}
						</Text>
					)
				}
			</Static>
			{/* No width of its own: Ink lays the frame out at the terminal's width when it redraws after a resize,
			    before React has the new size (a width from React state drew one frame at the old width, which the
			    narrower terminal wrapped: a stale header left above the frame). */}
			<Box flexDirection="column">
				<Text>
					<Text bold>dsmn-resync</Text>
					<Text dimColor>
						{separator}
						{article}
						{state.targetDescription ? `${separator}${safeText(state.targetDescription)}` : ''}
					</Text>
				</Text>
				{state.steps && stepsShown ? <StepList steps={state.steps} columns={columns} /> : null}
				{state.overlay === 'help' ? (
					<HelpOverlay screen={screen} steps={state.steps} hidden={hiddenLines()} rows={helpRoom} columns={columns} page={state.helpPage ?? 0} />
				) : null}
				{quitNote !== undefined ? <QuitOverlay note={quitNote} columns={columns} rows={quitRoom} /> : null}
				{/* A running step stays in view under the help or the quit question: its progress is what the admin watches. */}
				{state.overlay && screen.name !== 'running' ? null : renderScreen()}
				{state.notice ? <Text color="yellow">{state.notice}</Text> : null}
				{/* The newest command run on the target, named as such (the commands are the proof of what the tool did); the resume screen names the run's own. */}
				{lastCommand ? (
					<Text dimColor>
						{LAST_COMMAND}
						{shortenMiddle(safeText(lastCommand), columns - LAST_COMMAND.length)}
					</Text>
				) : null}
				{footer ? <Text dimColor>{footer}</Text> : null}
			</Box>
		</>
	);

	/** The lines of a confirmation or a question that its screen had no room for: the help shows them. */
	function hiddenLines(): string[] {
		const labels = choice.items.map(item => item.label);
		if (screen.name === 'situation') {
			const shown = new Set(questionLayout(screen, rows - chromeRows, columns, labels).lines);
			return screen.lines.map(safeText).filter(line => !shown.has(line));
		}
		if (screen.name === 'resume') return resumeLayout(screen, rows - chromeRows, columns, labels, glyphs).hidden;
		if (screen.name === 'plan') {
			const shown = new Set(planLayout(screen, rows - chromeRows, columns, labels.length).lines);
			return screen.lines.map(safeText).filter(line => !shown.has(line));
		}
		if (screen.name === 'inspect') return inspectLayout(screen, rows - chromeRows, columns, labels, markCell('', glyphs).length).hidden;
		if (screen.name === 'validation') return validationLayout(screen, rows - chromeRows, columns, markCell('', glyphs).length, labels).hidden;
		if (screen.name !== 'confirm' || screen.step === BREAK_LOCK_STEP) return [];
		const shown = new Set(confirmLayout(screen, rows - chromeRows, columns, labels).lines);
		return screen.changes.map(safeText).filter(line => !shown.has(line));
	}

	function renderScreen() {
		switch (screen.name) {
			case 'target':
				return <TargetScreen {...(screen.note ? {note: screen.note} : {})} choice={choice} />;
			case 'loading':
				return <LoadingScreen message={screen.message} />;
			case 'resume':
				return <ResumeScreen screen={screen} choice={choice} rows={rows - chromeRows} columns={columns} />;
			case 'inspect':
				return <InspectScreen screen={screen} rows={rows - chromeRows} columns={columns} choice={choice} />;
			case 'target-field':
				return <TargetFieldScreen screen={screen} />;
			case 'ask-backup':
				return <AskBackupScreen choice={choice} />;
			case 'choose-backup':
				return <ChooseBackupScreen screen={screen} />;
			case 'discover':
				return <DiscoverScreen screen={screen} choice={choice} />;
			case 'validation':
				return <ValidationScreen screen={screen} rows={rows - chromeRows} columns={columns} choice={choice} />;
			case 'plan':
				return <PlanScreen screen={screen} rows={rows - chromeRows} columns={columns} choice={choice} />;
			case 'manual':
				return <ManualScreen screen={screen} rows={rows - chromeRows} columns={columns} choice={choice} />;
			case 'consequences':
				return <ConsequencesScreen screen={screen} choice={choice} />;
			case 'multi-select':
				return <MultiSelectScreen screen={screen} rows={rows - chromeRows} columns={columns} />;
			case 'password-policy':
				return <PasswordPolicyScreen choice={choice} />;
			case 'password-entry':
				return <PasswordEntryScreen screen={screen} />;
			case 'passwords-file':
				return <PasswordsFileScreen screen={screen} />;
			case 'confirm':
				return screen.step === BREAK_LOCK_STEP ? (
					<BreakLockScreen screen={screen} />
				) : (
					<ConfirmScreen screen={screen} rows={rows - chromeRows} columns={columns} choice={choice} />
				);
			case 'running':
				return <RunningScreen screen={screen} rows={screenRows} columns={columns} leaving={state.leaving} />;
			case 'failure':
				return <FailureScreen screen={screen} choice={choice} />;
			case 'summary':
				// The frame left in the terminal when the wizard ends holds the whole text: the header may scroll off then.
				return <SummaryScreen screen={screen} columns={columns} rows={state.exit === undefined ? rows - chromeRows : Number.POSITIVE_INFINITY} />;
			case 'situation':
				return <SituationScreen screen={screen} rows={rows - chromeRows} columns={columns} choice={choice} />;
		}
	}
}
