import {Box} from 'ink';
import {Text} from './Text.js';
import {describeHidden, syncTotals, visibleServers} from '../sync-view-model.js';
import type {ServerProgress} from '../../wizard/state.js';
import {formatDuration} from '../../text/format.js';
import {bar, percent, rateAndEta} from '../../text/progress.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';

/** "Synchronize all servers": an overall bar, a row per server that fits, elapsed and time left (ARCHITECTURE.md, "Synchronize all servers"). */
export function SyncView({
	servers,
	startedAt,
	now,
	rows,
	columns,
}: {
	servers: readonly ServerProgress[];
	startedAt: number;
	now: number;
	rows: number;
	columns: number;
}) {
	const glyphs = useGlyphs();
	const totals = syncTotals(servers);
	// Block characters are three bytes each in UTF-8: bars are kept short, the numbers say the rest.
	const barWidth = Math.max(10, Math.min(30, columns - 34));
	const {shown, hidden} = visibleServers(servers, Math.max(2, rows));
	const nameWidth = Math.min(12, Math.max(4, ...shown.map(s => s.name.length)));
	const rowBar = Math.max(5, Math.min(10, columns - nameWidth - 30));
	return (
		<Box flexDirection="column" width={columns}>
			<Text wrap="truncate-end">
				{bar(totals.done, totals.total, barWidth, glyphs)} {percent(totals.done, totals.total)} {totals.done}/{totals.total} accounts
			</Text>
			<Text dimColor wrap="truncate-end">
				{formatDuration(now - startedAt)} elapsed · {rateAndEta(totals.done, totals.total, startedAt, now, 'accounts')} · {totals.finished} done
				{totals.failed ? `, ${totals.failed} failed` : ''}
			</Text>
			{shown.map(server => {
				const mark = server.state === 'done' ? glyphs.ok : server.state === 'failed' ? glyphs.error : server.state === 'synchronizing' ? glyphs.arrow : ' ';
				const color = server.state === 'done' ? 'green' : server.state === 'failed' ? 'red' : server.state === 'synchronizing' ? 'cyan' : 'gray';
				return (
					<Text key={server.name} wrap="truncate-end">
						<Text color={color}>{mark.padEnd(glyphs.ok.length)}</Text> {safeText(server.name).padEnd(nameWidth)}{' '}
						{server.state === 'failed' ? (
							<Text color="red">{safeText(server.reason ?? 'failed')}</Text>
						) : (
							<>
								{bar(server.done, server.total, rowBar, glyphs)} {String(server.done).padStart(5)}/{server.total}
								{server.state === 'synchronizing' ? '' : <Text dimColor> {server.state}</Text>}
							</>
						)}
					</Text>
				);
			})}
			{hidden.count > 0 ? (
				<Text dimColor wrap="truncate-end">
					… and {hidden.count} more ({describeHidden(hidden)})
				</Text>
			) : null}
		</Box>
	);
}
