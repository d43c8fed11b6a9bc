import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {formatBytes} from '../../text/format.js';
import {bar, percent, rateAndEta} from '../../text/progress.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {useNow} from '../use-now.js';
import {SyncView} from '../widgets/SyncView.js';
import {leavingWait, serviceWait} from '../../wizard/step-help.js';

/** `rows`: what this screen may use, the terminal's rows less the header, step list, commands and footer. */
export function RunningScreen({screen, rows, columns, leaving}: {screen: Extract<Screen, {name: 'running'}>; rows: number; columns: number; leaving: boolean}) {
	const glyphs = useGlyphs();
	const now = useNow();
	const {title} = screen;
	const {progress} = screen;
	return (
		<Box flexDirection="column">
			<Text bold color="cyan">
				{glyphs.arrow} {title}…
			</Text>
			{/* Stopping or starting MSSYNC may take up to its timeout (90 s): the time so far says it is not stuck. */}
			{progress.kind === 'service' || progress.kind === 'none' ? (
				<Text>
					{[
						progress.kind === 'service' && progress.state ? `MSSYNC: ${progress.state}` : '',
						screen.startedAt === undefined ? '' : `${Math.max(0, Math.floor((now - screen.startedAt) / 1000))} s so far`,
					]
						.filter(Boolean)
						.join(` ${glyphs.separator} `)}
				</Text>
			) : null}
			{serviceWait(screen.step) ? <Text dimColor>{serviceWait(screen.step)}</Text> : null}
			{progress.kind === 'count' ? (
				<Text>
					{bar(progress.done, progress.total, Math.max(10, Math.min(30, columns - 34)), glyphs)} {percent(progress.done, progress.total)}{' '}
					{safeText(progress.label)}
				</Text>
			) : null}
			{progress.kind === 'copy' ? (
				<>
					<Text>
						{bar(progress.bytesDone, progress.bytesTotal, Math.max(10, Math.min(40, columns - 30)), glyphs)} {percent(progress.bytesDone, progress.bytesTotal)}{' '}
						{formatBytes(progress.bytesDone)} of {formatBytes(progress.bytesTotal)}
					</Text>
					<Text dimColor>
						{safeText(progress.file)} · {rateAndEta(progress.bytesDone, progress.bytesTotal, progress.startedAt, now, 'bytes')}
					</Text>
				</>
			) : null}
			{/* Around the server rows: the title, the two totals lines, the "Leaving…" line and one spare — a live area as tall as the terminal makes Ink clear and reprint everything on every frame. */}
			{progress.kind === 'sync' ? (
				<SyncView servers={progress.servers} startedAt={progress.startedAt} now={now} rows={Math.max(2, rows - 5)} columns={columns} />
			) : null}
			{leaving ? <Text color="yellow">{leavingWait(screen.step)}</Text> : null}
		</Box>
	);
}
