/** Checking a BACPAC end to end: ZIP structure, parts, model checksum, relationships and every data row. */
export { verifyBacpac } from './verify-bacpac';
export {
  VerifyCode,
  type VerifyOptions,
  type VerifyPart,
  type VerifyProblem,
  type VerifyProgress,
  type VerifyReport,
  type VerifyTable,
} from './types';
