export { ConfigError } from './config-error';
export { loadConfig, type AppConfig, type StorageAccountConfig } from './load-config';
export type { TargetRule } from './parsers';
export { settings } from './settings';
