import { execSync } from 'node:child_process';
import { cpus, freemem, totalmem } from 'node:os';

/** What the figures were taken on. */
export interface MachineInfo {
  /** `nproc`: the CPUs this process may use. */
  nproc: number;
  cpuModel: string;
  totalMemoryGiB: number;
  freeMemoryGiB: number;
  node: string;
  platform: string;
  /** The 1-minute load average when the run started (other work on a shared machine). */
  loadAverage1m: number;
}

function nproc(): number {
  try {
    return Number(execSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return cpus().length;
  }
}

function loadAverage(): number {
  try {
    return Number(execSync('cat /proc/loadavg', { encoding: 'utf8' }).split(' ')[0]);
  } catch {
    return NaN;
  }
}

/** Describes this machine. */
export function describeMachine(): MachineInfo {
  const gib = (bytes: number) => Math.round((bytes / 2 ** 30) * 10) / 10;
  return {
    nproc: nproc(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage1m: loadAverage(),
  };
}
