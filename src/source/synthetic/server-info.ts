/**
 * What the synthetic source reports about its "server": the @@VERSION text of SQL Server 2022 RTM
 * (the build and date of the AdventureWorksLT2022 fixture's server, Developer edition), with the
 * line feeds and tabs @@VERSION has, and a database size in kilobytes as SQL Server would report
 * it: the data rounded up to 8 KB pages plus the 16 MB of a new database's files.
 */
export const SERVER_VERSION =
  'Microsoft SQL Server 2022 (RTM) - 16.0.1000.6 (X64) \n' +
  '\tOct  8 2022 05:58:25 \n' +
  '\tCopyright (C) 2022 Microsoft Corporation\n' +
  '\tDeveloper Edition (64-bit) on Windows Server 2022 Datacenter 10.0 <X64> (Build 20348: ) (Hypervisor)\n';

const EMPTY_DATABASE_KB = 16_384n;

export function databaseSizeKb(dataBytes: bigint): string {
  const pages = (dataBytes + 8191n) / 8192n;
  return (EMPTY_DATABASE_KB + pages * 8n).toString();
}
