import { setProperty } from '../element-builder';
import { modelError } from '../model-error';
import { checkAttributes } from './attributes';
import { appendRawText } from './raw';
import type { Attributes, Frame, PropertyFrame, Position, ValueFrame } from './frames';

/** Opens the <Value> child of a property (a script), with its optional script flags. */
export function openValue(attrs: Attributes, prop: PropertyFrame): ValueFrame {
  checkAttributes(attrs, ['QuotedIdentifiers', 'AnsiNulls'], 'Value');
  prop.hasValue = true;
  return { tag: 'Value', prop, text: '', qi: attrs.QuotedIdentifiers, an: attrs.AnsiNulls };
}

/**
 * Text or CDATA from the parser: collected when inside a <Value>; elsewhere only whitespace
 * outside CDATA is allowed.
 */
export function appendText(frame: Frame | undefined, t: string, cdata: boolean, at: Position): void {
  if (frame?.tag === 'Raw') {
    appendRawText(frame, t, cdata);
    return;
  }
  if (frame?.tag === 'Value') {
    frame.text += t;
    return;
  }
  if (cdata || /\S/.test(t)) {
    throw modelError('MODEL_XML_INVALID', `unexpected text inside <${frame?.tag ?? 'document'}> (${at()})`);
  }
}

/** Closes a <Value>: stores the script text and flags on the owner; only script properties take one. */
export function closeValue(frame: ValueFrame): void {
  const { owner, spec } = frame.prop;
  if (spec.kind !== 'script') {
    throw modelError(
      'MODEL_BAD_VALUE',
      `${owner.where}: property ${spec.name} expected a Value attribute (${spec.kind}), found a <Value> child`,
    );
  }
  const qi = frame.qi === undefined ? undefined : parseFlag(frame.qi, owner.where);
  const an = frame.an === undefined ? undefined : parseFlag(frame.an, owner.where);
  setProperty(owner, spec.name, {
    text: frame.text,
    ...(qi === undefined ? {} : { quotedIdentifiers: qi }),
    ...(an === undefined ? {} : { ansiNulls: an }),
  });
}

function parseFlag(v: string, where: string): boolean {
  if (v === 'True') return true;
  if (v === 'False') return false;
  throw modelError('MODEL_BAD_VALUE', `${where}: script flag expected True or False, found ${v}`);
}
