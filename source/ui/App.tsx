import {Box, type Key, Static, useApp, useInput, useStdout} from 'ink';
import {Text} from './widgets/Text.js';
import {useEffect, useRef, useState, useSyncExternalStore} from 'react';
import {footerKeys, isTyping} from '../wizard/footer-keys.js';
import type {WizardController} from '../wizard/controller.js';
import type {Screen} from '../wizard/state.js';
import {safeText} from '../text/sanitize.js';
import {shortenMiddle} from '../text/shorten.js';
import {splitBurst} from './split-keys.js';
import {AskBackupScreen} from './screens/AskBackupScreen.js';
import {ChooseBackupScreen} from './screens/ChooseBackupScreen.js';
import {ConfirmScreen} from './screens/ConfirmScreen.js';
import {ConsequencesScreen} from './screens/ConsequencesScreen.js';
import {ManualScreen} from './screens/ManualScreen.js';
import {MultiSelectScreen} from './screens/MultiSelectScreen.js';
import {PasswordEntryScreen} from './screens/PasswordEntryScreen.js';
import {PasswordPolicyScreen} from './screens/PasswordPolicyScreen.js';
import {PasswordsFileScreen} from './screens/PasswordsFileScreen.js';
import {DiscoverScreen} from './screens/DiscoverScreen.js';
import {FailureScreen} from './screens/FailureScreen.js';
import {InspectScreen} from './screens/InspectScreen.js';
import {LoadingScreen} from './screens/LoadingScreen.js';
import {PlanScreen} from './screens/PlanScreen.js';
import {ResumeScreen} from './screens/ResumeScreen.js';
import {RunningScreen} from './screens/RunningScreen.js';
import {SummaryScreen} from './screens/SummaryScreen.js';
import {TargetFieldScreen} from './screens/TargetFieldScreen.js';
import {TargetScreen} from './screens/TargetScreen.js';
import {UnavailableScreen} from './screens/UnavailableScreen.js';
import {ValidationScreen} from './screens/ValidationScreen.js';
import {useGlyphs} from './theme.js';
import {HelpOverlay, QuitOverlay} from './widgets/Overlays.js';
import {IgnoredKeyContext, SelectActiveContext} from './widgets/Select.js';
import {StepList, stepListRows} from './widgets/StepList.js';
import {wrappedRows} from '../text/measure.js';

function useTerminalSize(): {rows: number; columns: number} {
	const {stdout} = useStdout();
	const read = () => ({rows: stdout.rows || 24, columns: stdout.columns || 80});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => void stdout.off('resize', onResize);
	}, [stdout]);
	return size;
}

/** Screens where keys typed ahead still belong: text fields, where nothing happens before Enter. */
const CARRIES_TYPE_AHEAD = new Set<Screen['name']>(['target-field', 'choose-backup', 'passwords-file', 'password-entry', 'discover']);

/** Which screen this is, for telling when a key led to another one (a field to the next field, a step to the next). */
function screenKey(screen: Screen): string {
	return [screen.name, 'step' in screen ? screen.step : '', 'field' in screen ? screen.field : '', 'stage' in screen ? screen.stage : ''].join(':');
}

/** The one input handler: global keys here, the rest handed to the current screen (ARCHITECTURE.md, "Layers"). */
export function App({controller}: {controller: WizardController}) {
	const state = useSyncExternalStore(controller.subscribe, controller.getState);
	const glyphs = useGlyphs();
	const {exit} = useApp();
	const {rows, columns} = useTerminalSize();
	const act = (promise: Promise<void> | void): Promise<void> => Promise.resolve(promise).catch(error => controller.fatal(error));
	const burst = useRef<Promise<void>>(Promise.resolve());
	const waiting = useRef(0);
	const arrivals = useRef(0);
	const droppedUpTo = useRef(0);

	useEffect(() => {
		if (state.exit !== undefined) exit();
	}, [state.exit, exit]);

	useInput((input, key) => {
		const keys = splitBurst(input, key);
		// One key, nothing typed ahead still being handled: at once.
		if (keys.length === 1 && waiting.current === 0) return void handleKey(keys[0]!.input, keys[0]!.key);
		// Keys typed ahead, in order, each on the screen it reaches. Once they lead to a screen where a key
		// acts (a confirmation, a choice), the rest are dropped: such a screen is answered after reading it.
		// Keys that arrived while those were handled were typed before that screen was seen: dropped too.
		const arrived = ++arrivals.current;
		waiting.current++;
		burst.current = burst.current.then(async () => {
			try {
				if (arrived > droppedUpTo.current) await typeAhead(keys);
				else controller.noteIgnoredKey('now');
			} finally {
				waiting.current--;
			}
		});
	});

	async function typeAhead(keys: ReturnType<typeof splitBurst>): Promise<void> {
		for (const [index, {input: one, key: oneKey}] of keys.entries()) {
			const before = screenKey(controller.getState().screen);
			// Until the key has done its work or led elsewhere: a step it starts may run for minutes.
			await untilSettled(handleKey(one, oneKey), before);
			const now = controller.getState();
			if (screenKey(now.screen) !== before && (now.overlay || !CARRIES_TYPE_AHEAD.has(now.screen.name))) {
				droppedUpTo.current = arrivals.current;
				// Keys left over are not used on this screen: said on it, not silently dropped.
				if (index < keys.length - 1) controller.noteIgnoredKey('now');
				return;
			}
		}
	}

	function untilSettled(action: Promise<void> | void, before: string): Promise<void> {
		return new Promise(resolve => {
			const unsubscribe = controller.subscribe(() => {
				if (screenKey(controller.getState().screen) === before) return;
				unsubscribe();
				resolve();
			});
			void Promise.resolve(action).finally(() => {
				unsubscribe();
				resolve();
			});
		});
	}

	function handleKey(input: string, key: Key): Promise<void> | void {
		const {screen, overlay} = controller.getState();
		if (overlay === 'quit') {
			if (input === 'y' || input === 'Y') return act(controller.confirmQuit());
			else if (input === 'n' || input === 'N' || key.escape) controller.cancelQuit();
			return;
		}
		if (overlay === 'help') {
			controller.showHelp();
			return;
		}
		if (key.ctrl && input === 'c') return controller.requestQuit();
		if (screen.name === 'multi-select') {
			if (input === '?') controller.showHelp();
			else if (key.upArrow) controller.moveCursor(-1);
			else if (key.downArrow) controller.moveCursor(1);
			else if (input === ' ') controller.toggleSelected();
			else if (key.return) return act(controller.submitSelection());
			else if (key.escape) return act(controller.back());
			else if (input === 'q') controller.requestQuit();
			return;
		}
		if (isTyping(screen)) {
			if (key.return) return act(controller.submitText());
			else if (key.tab) return act(controller.complete());
			else if (key.backspace || key.delete) controller.eraseText();
			else if (key.escape) return act(controller.back());
			else if (input && !key.ctrl && !key.meta) controller.typeText(input);
			return;
		}
		if (screen.name === 'manual' && screen.checklist) {
			if (key.tab) return controller.moveChecklist();
			if (input === ' ') return controller.toggleChecklist();
		}
		if (input === '?') return controller.showHelp();
		if (input === 'q') return controller.requestQuit();
		if (key.escape) return act(controller.back());
		if (screen.name === 'summary' && key.return) return controller.done();
		if (screen.name === 'confirm' && (input === 'y' || input === 'Y')) return act(controller.confirm());
	}

	const {screen} = state;
	const footer = footerKeys(state, controller.canGoBack(), glyphs);
	const separator = ` ${glyphs.separator} `;
	// What is drawn around the screen: the header, the step list, the notice, the commands, the footer.
	const headerText = `dsmn-resync${separator}KB Q148678${state.targetDescription ? `${separator}${safeText(state.targetDescription)}` : ''}`;
	const chromeRows =
		wrappedRows(headerText, columns) +
		stepListRows(state.steps, columns) +
		(state.notice ? wrappedRows(state.notice, columns) : 0) +
		(state.commands.length ? 1 : 0) +
		(footer ? wrappedRows(footer, columns) : 0);
	return (
		<>
			<Static items={state.log}>
				{line => (
					<Text key={line.id} color={line.tone === 'ok' ? 'green' : line.tone === 'error' ? 'red' : line.tone === 'warning' ? 'yellow' : undefined}>
						{line.tone === 'ok' ? glyphs.ok : line.tone === 'error' ? glyphs.error : line.tone === 'warning' ? glyphs.warning : glyphs.bullet}{' '}
						{safeText(line.text)}
					</Text>
				)}
			</Static>
			<Box flexDirection="column" width={columns}>
				<Text>
					<Text bold>dsmn-resync</Text>
					<Text dimColor>
						{separator}KB Q148678{state.targetDescription ? `${separator}${safeText(state.targetDescription)}` : ''}
					</Text>
				</Text>
				{state.steps ? <StepList steps={state.steps} columns={columns} /> : null}
				<SelectActiveContext.Provider value={!state.overlay && !state.busy && state.exit === undefined}>
					<IgnoredKeyContext.Provider value={() => controller.noteIgnoredKey('next-screen')}>
						{state.overlay === 'help' ? <HelpOverlay screen={screen} /> : null}
						{state.overlay === 'quit' ? <QuitOverlay note={controller.leavingNote()} /> : null}
						{state.overlay ? null : renderScreen()}
					</IgnoredKeyContext.Provider>
				</SelectActiveContext.Provider>
				{state.notice ? <Text color="yellow">{state.notice}</Text> : null}
				{state.commands.length > 0 && state.exit === undefined ? <Text dimColor>$ {shortenMiddle(safeText(state.commands.at(-1)!), columns - 2)}</Text> : null}
				{footer ? <Text dimColor>{footer}</Text> : null}
			</Box>
		</>
	);

	function renderScreen() {
		switch (screen.name) {
			case 'target':
				return <TargetScreen {...(screen.note ? {note: screen.note} : {})} onChoose={kind => act(controller.chooseTarget(kind))} />;
			case 'loading':
				return <LoadingScreen message={screen.message} />;
			case 'resume':
				return <ResumeScreen screen={screen} onChoose={choice => act(controller.resumeChoice(choice))} />;
			case 'inspect':
				return <InspectScreen screen={screen} rows={rows} onChoose={choice => act(controller.continueFromInspect(choice))} />;
			case 'target-field':
				return <TargetFieldScreen screen={screen} />;
			case 'ask-backup':
				return <AskBackupScreen onAnswer={answer => act(controller.answerBackup(answer))} />;
			case 'choose-backup':
				return <ChooseBackupScreen screen={screen} />;
			case 'discover':
				return <DiscoverScreen screen={screen} onChoose={folder => act(controller.chooseBackup(folder))} />;
			case 'validation':
				return <ValidationScreen screen={screen} rows={rows} onAccept={() => act(controller.acceptValidation())} onBack={() => controller.back()} />;
			case 'plan':
				return <PlanScreen screen={screen} rows={rows} onStart={() => act(controller.startPlan())} />;
			case 'manual':
				return <ManualScreen screen={screen} rows={rows - chromeRows} columns={columns} onChoose={choice => act(controller.manualChoice(choice))} />;
			case 'consequences':
				return <ConsequencesScreen screen={screen} onContinue={() => act(controller.acceptConsequences())} />;
			case 'multi-select':
				return <MultiSelectScreen screen={screen} rows={rows} />;
			case 'password-policy':
				return <PasswordPolicyScreen onChoose={policy => act(controller.choosePasswordPolicy(policy))} />;
			case 'password-entry':
				return <PasswordEntryScreen screen={screen} />;
			case 'passwords-file':
				return <PasswordsFileScreen screen={screen} />;
			case 'confirm':
				return (
					<ConfirmScreen
						screen={screen}
						canGoBack={controller.canGoBack()}
						onConfirm={() => act(controller.confirm())}
						onDecline={() => controller.requestQuit()}
						onBack={() => act(controller.back())}
					/>
				);
			case 'running':
				return <RunningScreen screen={screen} rows={rows - chromeRows} columns={columns} leaving={state.leaving} />;
			case 'failure':
				return <FailureScreen screen={screen} onChoose={choice => act(controller.failureChoice(choice))} />;
			case 'summary':
				return <SummaryScreen screen={screen} ended={state.exit !== undefined} />;
			case 'unavailable':
				return <UnavailableScreen message={screen.message} />;
		}
	}
}
