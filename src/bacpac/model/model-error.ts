import { BacpacError } from '../errors';

/**
 * Error codes of the model.xml reader and writer. Each message starts with the element concerned
 * (`SqlTable [dbo].[Orders]`) and says what was expected and what was found.
 */
export type ModelErrorCode =
  | 'MODEL_XML_INVALID'
  | 'MODEL_UNKNOWN_ELEMENT'
  | 'MODEL_UNKNOWN_PROPERTY'
  | 'MODEL_UNKNOWN_RELATIONSHIP'
  | 'MODEL_UNKNOWN_ANNOTATION'
  | 'MODEL_UNKNOWN_ATTRIBUTE'
  | 'MODEL_UNEXPECTED_ENTRY'
  | 'MODEL_BAD_VALUE'
  | 'MODEL_BAD_NAMING'
  | 'MODEL_UNKNOWN_PLATFORM'
  | 'MODEL_TABLE_NOT_FOUND'
  | 'MODEL_UNSUPPORTED_COLUMN_TYPE';

export function modelError(
  code: ModelErrorCode,
  message: string,
  details?: Record<string, unknown>,
): BacpacError {
  return new BacpacError(code, message, details);
}
