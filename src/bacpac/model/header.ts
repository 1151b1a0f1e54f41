import { modelError } from './model-error';
import type { ModelHeader, TargetPlatform } from './types';
import { targetPlatforms } from './types';

export const MODEL_NAMESPACE = 'http://schemas.microsoft.com/sqlserver/dac/Serialization/2012/02';
const DSP_PREFIX = 'Microsoft.Data.Tools.Schema.Sql.';
const DSP_SUFFIX = 'DatabaseSchemaProvider';

/** `Microsoft.Data.Tools.Schema.Sql.<platform>DatabaseSchemaProvider`. */
export function dspNameOf(platform: TargetPlatform): string {
  return `${DSP_PREFIX}${platform}${DSP_SUFFIX}`;
}

export function platformOfDspName(dspName: string): TargetPlatform {
  const inner =
    dspName.startsWith(DSP_PREFIX) && dspName.endsWith(DSP_SUFFIX)
      ? dspName.slice(DSP_PREFIX.length, dspName.length - DSP_SUFFIX.length)
      : '';
  const platform = targetPlatforms.find((t) => t === inner);
  if (platform === undefined) {
    throw modelError(
      'MODEL_UNKNOWN_PLATFORM',
      `DataSchemaModel: DspName expected ${dspNameOf('Sql160')} or another of ${targetPlatforms.join(', ')}, found ${dspName}`,
    );
  }
  return platform;
}

/** Reads the attributes of `<DataSchemaModel>`. */
export function parseHeader(attrs: Record<string, string>): ModelHeader {
  const allowed = [
    'FileFormatVersion',
    'SchemaVersion',
    'DspName',
    'CollationLcid',
    'CollationCaseSensitive',
    'xmlns',
  ];
  // An attribute a newer DacFx may add is kept as read and written back, not refused.
  const otherAttributes = Object.entries(attrs).filter(([key]) => !allowed.includes(key));
  const need = (key: string): string => {
    const v = attrs[key];
    if (v === undefined)
      throw modelError('MODEL_XML_INVALID', `DataSchemaModel: attribute ${key} is missing`);
    return v;
  };
  if (need('xmlns') !== MODEL_NAMESPACE) {
    throw modelError(
      'MODEL_XML_INVALID',
      `DataSchemaModel: xmlns expected ${MODEL_NAMESPACE}, found ${attrs.xmlns}`,
    );
  }
  const lcid = need('CollationLcid');
  if (!/^\d+$/.test(lcid))
    throw modelError('MODEL_BAD_VALUE', `DataSchemaModel: CollationLcid ${lcid} is not a number`);
  const cs = need('CollationCaseSensitive');
  if (cs !== 'True' && cs !== 'False') {
    throw modelError(
      'MODEL_BAD_VALUE',
      `DataSchemaModel: CollationCaseSensitive expected True or False, found ${cs}`,
    );
  }
  return {
    fileFormatVersion: need('FileFormatVersion'),
    schemaVersion: need('SchemaVersion'),
    platform: platformOfDspName(need('DspName')),
    collationLcid: Number(lcid),
    collationCaseSensitive: cs === 'True',
    ...(otherAttributes.length > 0 ? { otherAttributes } : {}),
  };
}
