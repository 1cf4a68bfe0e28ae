/**
 * SQS accepts message bodies of XML 1.0 characters: #x9 | #xA | #xD | #x20–#xD7FF |
 * #xE000–#xFFFD | #x10000–#x10FFFF. fauxqs checks bodies with
 * `/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD]/` without the `u` flag, so it looks at UTF-16 code
 * units: every character above U+FFFF (emoji, CJK Extension B such as 𠀀 U+20000, used in Korean
 * names) is a surrogate pair and is refused with InvalidMessageContents. The one RegExp object
 * (`INVALID_MESSAGE_BODY_CHAR` in dist/sqs/sqsTypes.js) is used by SendMessage, SendMessageBatch
 * and the programmatic sendMessage; its `test` is replaced by SQS's rule on code points (lone
 * surrogates, U+FFFE and U+FFFF stay refused).
 */
import { loadFauxqsModule, requireInternals } from './fauxqs-package.ts';

interface SqsTypesModule {
  INVALID_MESSAGE_BODY_CHAR: RegExp;
}

/** A character SQS refuses in a message body (code points, so surrogate pairs are one character). */
export const SQS_INVALID_BODY_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const PATCHED = Symbol.for('hojo.fauxqs.messageCharacters');

export async function installMessageCharacterFix(): Promise<void> {
  const { module, path, version } = await loadFauxqsModule<SqsTypesModule>('./dist/sqs/sqsTypes.js');
  const pattern = module.INVALID_MESSAGE_BODY_CHAR;
  requireInternals(version, path, pattern instanceof RegExp ? [] : ['INVALID_MESSAGE_BODY_CHAR']);
  const target = pattern as RegExp & { [PATCHED]?: true };
  if (!target[PATCHED]) {
    Object.defineProperty(target, 'test', { value: (body: string) => SQS_INVALID_BODY_CHARACTER.test(String(body)) });
    Object.defineProperty(target, PATCHED, { value: true });
  }
  const refused = (body: string) => target.test(body);
  const wrong = [
    ['😀 and 𠀀 (above U+FFFF)', false, refused('😀𠀀')],
    ['U+FFFF', true, refused('ACME\uffff')],
    ['U+FFFE', true, refused('\ufffe')],
    ['a lone surrogate', true, refused('a\ud800b')],
    ['U+0001', true, refused('\u0001')],
  ].filter(([, expected, actual]) => expected !== actual);
  if (wrong.length > 0) {
    throw new Error(
      `fauxqs ${version}: the message character check could not be corrected (${wrong.map(([what]) => what).join(', ')}); ` +
        'revisit infra/embedded/fauxqs-extensions/message-characters.ts',
    );
  }
}
