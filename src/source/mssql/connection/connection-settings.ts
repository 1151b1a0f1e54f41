/** A SQL Server connection target read from an ADO.NET connection string or an mssql:// URL. */
export interface SqlConnectionSettings {
  readonly server: string;
  readonly port?: number;
  readonly instanceName?: string;
  readonly database?: string;
  readonly user?: string;
  /** Never logged; `describeConnection` leaves it out. */
  readonly password?: string;
  /** `Authentication=` keyword as written (e.g. `Active Directory Managed Identity`), if any. */
  readonly authentication?: string;
  /** True unless the connection string turns encryption off; `strict` for TDS 8.0. */
  readonly encrypt: boolean | 'strict';
  readonly trustServerCertificate: boolean;
  readonly hostNameInCertificate?: string;
  readonly connectTimeoutSeconds?: number;
  readonly commandTimeoutSeconds?: number;
  readonly applicationName?: string;
}
