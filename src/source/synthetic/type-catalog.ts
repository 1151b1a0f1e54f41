import { OBJECT_SAMPLES } from './object-samples';
import { SCALAR_SAMPLES } from './scalar-samples';
import type { TypeSample } from './type-sample';

/** One column per type the BCP codec supports, in the all-types tables' column order. */
export const TYPE_SAMPLES: readonly TypeSample[] = [...SCALAR_SAMPLES, ...OBJECT_SAMPLES];

export { ACCOUNT_CODE_TYPE } from './type-sample';
export type { TypeSample } from './type-sample';
