/**
 * Languages as directories publish them ("Spanish", "es", "spa", "Español") turned into one BCP 47 tag
 * each, with a display name. Node's ICU data is the reference (Intl.DisplayNames and
 * Intl.getCanonicalLocales), so no language list is kept here.
 */
export interface Language {
  /** BCP 47 tag, canonical (`es`, `zh-Hant`, `ase`); `und` when the published text names no language ICU knows. */
  tag: string;
  /** English display name; the published text when the tag is `und`. */
  name: string;
  /** The language's name in itself ("español"); null when unknown. */
  nativeName: string | null;
}

const english = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A canonical tag ICU can name, or null. */
function tagOf(text: string): string | null {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(text)) return null;
  try {
    const [tag] = Intl.getCanonicalLocales(text);
    return english.of(tag) ? tag : null;
  } catch {
    return null;
  }
}

/** Only where ICU has the language's own data; otherwise DisplayNames would answer in English. */
function nativeNameOf(tag: string): string | null {
  if (!Intl.DisplayNames.supportedLocalesOf([tag]).length) return null;
  return new Intl.DisplayNames(tag, { type: 'language', fallback: 'none' }).of(tag) ?? null;
}

/** Lower-cased English and native names → tag: two-letter codes first, three-letter ones only when needed. */
class NameIndex {
  private readonly names = new Map<string, string>();
  private threeLetterLoaded = false;

  constructor() {
    for (const a of LETTERS) for (const b of LETTERS) this.add(a + b);
  }

  find(name: string): string | null {
    const key = name.toLowerCase();
    const known = this.names.get(key);
    if (known || this.threeLetterLoaded) return known ?? null;
    // Once per process (~0.25 s): names such as "Hmong" or "American Sign Language" have only a three-letter code.
    for (const a of LETTERS) for (const b of LETTERS) for (const c of LETTERS) this.add(a + b + c);
    this.threeLetterLoaded = true;
    return this.names.get(key) ?? null;
  }

  private add(code: string): void {
    const tag = tagOf(code);
    if (!tag) return;
    for (const name of [english.of(tag), nativeNameOf(tag)]) {
      if (name && !this.names.has(name.toLowerCase())) this.names.set(name.toLowerCase(), tag);
    }
  }
}

let index: NameIndex | null = null;

/** One language from a published code or name. */
export function languageOf(published: string): Language {
  const text = published.trim();
  const tag = tagOf(text) ?? (index ??= new NameIndex()).find(text);
  if (!tag) return { tag: 'und', name: text, nativeName: null };
  return { tag, name: english.of(tag)!, nativeName: nativeNameOf(tag) };
}

/** One entry per language, in published order: "Spanish" and "es" side by side are one language. */
export function languagesOf(published: readonly string[]): Language[] {
  const seen = new Set<string>();
  const languages: Language[] = [];
  for (const text of published) {
    if (!text.trim()) continue;
    const language = languageOf(text);
    const key = language.tag === 'und' ? `und:${language.name.toLowerCase()}` : language.tag;
    if (seen.has(key)) continue;
    seen.add(key);
    languages.push(language);
  }
  return languages;
}

/** Every spelling a stored list may use for the language a client asked for (name, code or tag). */
export function spellingsOf(asked: string): string[] {
  const language = languageOf(asked);
  const spellings = [asked.trim(), language.tag === 'und' ? null : language.tag, language.name, language.nativeName];
  return [...new Set(spellings.filter((s): s is string => !!s).map((s) => s.toLowerCase()))];
}
