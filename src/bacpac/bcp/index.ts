/** BCP native format codec: the table data parts of a BACPAC (format spec section 5). */
export type { BcpColumn, BcpRow, BcpSqlType, BcpValue, SqlVariantValue } from './types';
export { ByteWriter } from './byte-writer';
export {
  encodeRow,
  createBcpEncoder,
  type BcpEncoder,
  type BcpEncoderOptions,
  type RowContext,
} from './encoder';
export { createBcpDecoder, decodeBcpRows, type BcpDecoderOptions } from './decoder';
export { fieldLayout, type FieldLayout } from './field-layout';
export { typeLabel } from './value-codec';
