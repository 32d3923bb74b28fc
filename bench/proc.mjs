// The processes of one Chromium instance, read from Linux's /proc: found from the browser process (the one
// whose command line holds our --user-data-dir and no --type=) and all its descendants (zygotes, renderers,
// the GPU and utility processes, the PDF viewer's extension renderer). Other Chromiums on the machine (tests
// running beside the bench) are not counted.
import { readFileSync, readdirSync } from 'node:fs';

function read(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process has gone
  }
}

/** pid → { ppid, cmdline } of every process now. */
function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    const cmdline = read(`/proc/${name}/cmdline`);
    if (stat === null || cmdline === null) continue;
    // Fields after the command name in parentheses, which may itself hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Chromium's zygote children rewrite their command line as one string with spaces: searched as text.
    table.set(Number(name), { ppid: Number(fields[1]), cmdline: cmdline.split('\0').join(' '), fields });
  }
  return table;
}

/** The pid of the browser process of the Chromium started on `userDataDir`, or null. */
export function browserPid(userDataDir) {
  for (const [pid, p] of processTable()) {
    if (p.cmdline.includes(`--user-data-dir=${userDataDir} `) && !p.cmdline.includes('--type=')) return pid;
  }
  return null;
}

/** The browser process and all its descendants, each with its Chromium process type. */
export function processTree(rootPid) {
  const table = processTable();
  const children = new Map();
  for (const [pid, p] of table) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(pid);
  }
  const out = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    const p = table.get(pid);
    if (!p) continue;
    const type = /--type=([\w-]+)/.exec(p.cmdline)?.[1] ?? (pid === rootPid ? 'browser' : 'other');
    const extension = p.cmdline.includes('--extension-process');
    out.push({ pid, type: extension ? `${type} (extension)` : type, cpuTicks: Number(p.fields[11]) + Number(p.fields[12]) });
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Resident set size of a process in bytes (VmRSS of /proc/<pid>/status), 0 if it has gone. */
export function rssBytes(pid) {
  const status = read(`/proc/${pid}/status`);
  const kb = status === null ? null : /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/**
 * Proportional set size in bytes (Pss of /proc/<pid>/smaps_rollup): shared pages divided among the processes
 * sharing them, so a sum over processes does not count Chromium's shared code and memory several times.
 */
export function pssBytes(pid) {
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  const kb = rollup === null ? null : /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/**
 * Memory of the whole tree now: sums of RSS and PSS, the same sums by process type (browser, renderer,
 * gpu-process, utility, zygote …), and the largest single process by RSS.
 */
export function treeMemory(rootPid) {
  let rss = 0;
  let pss = 0;
  const byType = {};
  let largest = { pid: null, type: null, rss: 0 };
  const tree = processTree(rootPid);
  for (const p of tree) {
    const r = rssBytes(p.pid);
    const q = pssBytes(p.pid);
    rss += r;
    pss += q;
    const t = (byType[p.type] ??= { rss: 0, pss: 0 });
    t.rss += r;
    t.pss += q;
    if (r > largest.rss) largest = { pid: p.pid, type: p.type, rss: r };
  }
  return { rss, pss, byType, largest, processes: tree.length };
}

/** CPU time (clock ticks, normally 1/100 s) used so far by the whole tree. */
export function treeCpuTicks(rootPid) {
  return processTree(rootPid).reduce((sum, p) => sum + p.cpuTicks, 0);
}

/**
 * Waits until the tree is idle: at most `ticks` clock ticks of CPU over each of `polls` consecutive 100 ms
 * polls (so background work such as the PDF viewer rendering a preview has finished), or `timeoutMs` passed.
 * Resolves with the time waited in ms.
 */
export async function waitForIdle(rootPid, { polls = 3, ticks = 1, timeoutMs = 5000 } = {}) {
  const start = Date.now();
  let previous = treeCpuTicks(rootPid);
  let quiet = 0;
  while (quiet < polls && Date.now() - start < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = treeCpuTicks(rootPid);
    quiet = now - previous <= ticks ? quiet + 1 : 0;
    previous = now;
  }
  return Date.now() - start;
}
