/** The export source that replays an existing BACPAC file (re-export, repack, end-to-end tests). */
export { createBacpacFileSource, type BacpacFileSourceOptions, type FailOnPart } from './bacpac-file-source';
export type { BacpacFilePartRange } from './part-range';
export { BacpacFileSourceError } from './errors';
