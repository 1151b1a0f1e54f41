import { configError } from './connection-string-error';

/** Reads `tcp:host,port`, `host\instance`, `host,port` or `np:`-free host names. */
export function parseServer(value: string): { server: string; port?: number; instanceName?: string } {
  let rest = value.trim();
  const prefix = /^(tcp|np|lpc|admin):/i.exec(rest);
  if (prefix) {
    if (prefix[1]?.toLowerCase() !== 'tcp') {
      throw configError(`only TCP connections are supported, found "${prefix[0]}"`);
    }
    rest = rest.slice(prefix[0].length);
  }
  let port: number | undefined;
  const comma = rest.lastIndexOf(',');
  if (comma >= 0) {
    const portText = rest.slice(comma + 1).trim();
    if (!/^\d+$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      throw configError(`the server port must be a number from 1 to 65535, found "${portText}"`);
    }
    port = Number(portText);
    rest = rest.slice(0, comma).trim();
  }
  let instanceName: string | undefined;
  const slash = rest.indexOf('\\');
  if (slash >= 0) {
    instanceName = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  if (rest === '.' || rest.toLowerCase() === '(local)') rest = 'localhost';
  if (rest === '') throw configError('the server name is empty');
  return { server: rest, ...(port !== undefined ? { port } : {}), ...(instanceName ? { instanceName } : {}) };
}
