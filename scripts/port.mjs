// A fixed port or nothing: a taken port is refused, never silently changed (astro preview would move to the
// next one, and tests would hit someone else's server).
import net from 'node:net';

export function portIsFree(port, host) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, host);
  });
}

/** Exits with a message in Chinese (and English) when the port is in use. */
export async function requireFreePort(port, host) {
  if (await portIsFree(port, host)) return;
  console.error(`端口 ${port} 已被占用：请关闭占用它的程序，或用 PORT=其他端口 重新运行。 (port ${port} on ${host} is in use)`);
  process.exit(1);
}
