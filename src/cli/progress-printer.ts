import type { LocalProgress } from '../runner/run-export';

const MB = 1024 * 1024;

function line(p: LocalProgress): string {
  const percent =
    p.partsTotal === 0 ? 0 : Math.floor((p.partsDone / p.partsTotal) * (p.phase === 'exporting' ? 95 : 100));
  return (
    `${p.phase.padEnd(11)} ${p.partsDone}/${p.partsTotal} parts  ${p.rowsExported.toLocaleString('en-US')} rows` +
    `  ${(p.bytesWritten / MB).toFixed(1)} MiB  ${p.phase === 'done' ? 100 : percent}%`
  );
}

/**
 * Shows an export's progress on stderr: one line rewritten in place on a terminal, otherwise a line per
 * phase and per tenth of the parts, so logs of long exports stay short.
 */
export function progressPrinter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
): (p: LocalProgress) => void {
  let lastPhase = '';
  let lastTenth = -1;
  return (p) => {
    if (stream.isTTY === true) {
      stream.write(`\r${line(p)}\u001b[K${p.phase === 'done' ? '\n' : ''}`);
      return;
    }
    const tenth = p.partsTotal === 0 ? 0 : Math.floor((p.partsDone * 10) / p.partsTotal);
    if (p.phase !== lastPhase || tenth !== lastTenth) {
      lastPhase = p.phase;
      lastTenth = tenth;
      stream.write(`${line(p)}\n`);
    }
  };
}
