import type { PropertySpec } from './descriptor';
import { modelError } from './model-error';
import type { PropertyValue, Script } from './values';

/** Parses a `Value="..."` attribute by the property's declared kind. `where` names the owner for errors. */
export function parseAttributeValue(spec: PropertySpec, text: string, where: string): PropertyValue {
  switch (spec.kind) {
    case 'boolean':
      if (text === 'True') return true;
      if (text === 'False') return false;
      throw badValue(where, spec, 'True or False', text);
    case 'integer': {
      const n = Number(text);
      if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n) || String(n) !== text) {
        throw badValue(where, spec, 'a canonical integer', text);
      }
      return n;
    }
    case 'text':
      return text;
    case 'script':
      throw badValue(where, spec, 'a <Value> child with the script', `Value="${text}"`);
  }
}

/** Formats a property value for a `Value="..."` attribute (before XML escaping). */
export function formatAttributeValue(spec: PropertySpec, value: PropertyValue, where: string): string {
  if (spec.kind === 'boolean' && typeof value === 'boolean') return value ? 'True' : 'False';
  if (spec.kind === 'integer' && typeof value === 'number' && Number.isSafeInteger(value))
    return String(value);
  if (spec.kind === 'text' && typeof value === 'string') return value;
  throw badValue(where, spec, `a ${spec.kind} value`, JSON.stringify(value));
}

export function isScript(value: unknown): value is Script {
  return (
    typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string'
  );
}

function badValue(where: string, spec: PropertySpec, expected: string, found: string) {
  return modelError(
    'MODEL_BAD_VALUE',
    `${where}: property ${spec.name} expected ${expected}, found ${found}`,
    {
      property: spec.name,
    },
  );
}
