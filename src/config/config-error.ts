/** A setting is missing, unknown or malformed. Every problem names the setting and what was expected. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`[CONFIG_INVALID] ${problems.length} app setting problem(s): ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}
