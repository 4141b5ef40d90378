/**
 * Text that the log can store exactly as it hashes it.
 *
 * The hash covers the text as JavaScript holds it, while the databases store UTF-8: a lone UTF-16
 * surrogate (half of a pair) has no UTF-8 form and comes back as U+FFFD, so its action would fail
 * verification for good. PostgreSQL refuses NUL characters in text columns outright.
 */

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Why `text` cannot be stored as it is, or undefined when it can. */
export function unstorableTextProblem(text: string): string | undefined {
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    return `is not valid Unicode: a lone UTF-16 surrogate at character ${lone.index}`;
  }
  if (text.includes('\u0000')) {
    return 'must not contain NUL characters';
  }
  return undefined;
}

/** `text` with lone surrogates and NUL characters replaced by U+FFFD, as UTF-8 would store them. */
export function toStorableText(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD').replaceAll('\u0000', '\uFFFD');
}

/**
 * `value` with `toStorableText` applied to every string and object key in it, down to `maxDepth`
 * levels of objects and arrays; anything deeper is left as it is (attribute limits refuse it).
 */
export function toStorableValue(value: unknown, maxDepth = 16): unknown {
  if (typeof value === 'string') {
    return toStorableText(value);
  }
  if (value === null || typeof value !== 'object' || maxDepth <= 0) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(v => toStorableValue(v, maxDepth - 1));
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      toStorableText(k),
      toStorableValue(v, maxDepth - 1),
    ]),
  );
}
