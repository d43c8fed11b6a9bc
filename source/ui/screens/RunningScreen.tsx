import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import {stepInfo} from '../../procedure/restore-steps.js';
import type {Screen} from '../../procedure/wizard-state.js';
import {formatBytes} from '../../text/format.js';
import {bar, percent, rateAndEta} from '../../text/progress.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {SyncView} from '../widgets/SyncView.js';

/** Elapsed time moves even when no event comes; once a second is enough. */
function useNow(intervalMs = 1000): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), intervalMs);
		return () => clearInterval(timer);
	}, [intervalMs]);
	return Math.max(now, Date.now());
}

export function RunningScreen({screen, rows, columns, leaving}: {screen: Extract<Screen, {name: 'running'}>; rows: number; columns: number; leaving: boolean}) {
	const glyphs = useGlyphs();
	const now = useNow();
	const title = screen.step === 'rollback' ? 'Rolling back' : stepInfo(screen.step).title;
	const {progress} = screen;
	return (
		<Box flexDirection="column">
			<Text bold color="cyan">
				{glyphs.arrow} {title}…
			</Text>
			{progress.kind === 'service' && progress.state ? <Text>sc query MSSYNC: {progress.state}</Text> : null}
			{progress.kind === 'copy' ? (
				<>
					<Text>
						{bar(progress.bytesDone, progress.bytesTotal, Math.max(10, Math.min(40, columns - 30)), glyphs)} {percent(progress.bytesDone, progress.bytesTotal)} {formatBytes(progress.bytesDone)} of {formatBytes(progress.bytesTotal)}
					</Text>
					<Text dimColor>
						{safeText(progress.file)} · {rateAndEta(progress.bytesDone, progress.bytesTotal, progress.startedAt, now, 'bytes')}
					</Text>
				</>
			) : null}
			{progress.kind === 'sync' ? <SyncView servers={progress.servers} startedAt={progress.startedAt} now={now} rows={Math.max(2, rows - 10)} columns={columns} /> : null}
			{leaving ? <Text color="yellow">Leaving once this step reaches a safe point…</Text> : null}
		</Box>
	);
}
