import { languageOf, languagesOf, spellingsOf } from '../../src/domain/language';

describe('languages as directories spell them', () => {
  it('turns a name, a two- or three-letter code or a native name into one canonical BCP 47 tag', () => {
    for (const spelling of ['Spanish', 'spanish', 'es', 'ES', 'spa', 'Español', ' es ']) {
      expect(languageOf(spelling)).toEqual({ tag: 'es', name: 'Spanish', nativeName: 'español' });
    }
    expect(languageOf('zh-hant')).toEqual({ tag: 'zh-Hant', name: 'Traditional Chinese', nativeName: '繁體中文' });
    expect(languageOf('Vietnamese')).toEqual({ tag: 'vi', name: 'Vietnamese', nativeName: 'Tiếng Việt' });
  });

  it('finds names that have only a three-letter code, with no native name where CLDR has none', () => {
    expect(languageOf('Hmong')).toEqual({ tag: 'hmn', name: 'Hmong', nativeName: null });
    expect(languageOf('American Sign Language')).toEqual({ tag: 'ase', name: 'American Sign Language', nativeName: null });
  });

  it('keeps text that names no known language as it was published, tagged und', () => {
    expect(languageOf('Klingonese')).toEqual({ tag: 'und', name: 'Klingonese', nativeName: null });
  });

  it('lists each language once, in published order, the way HSDS names and codes arrive side by side', () => {
    expect(languagesOf(['English', 'en', 'Spanish', 'es', '', 'Klingonese', 'klingonese', 'spa']).map((l) => l.tag))
      .toEqual(['en', 'es', 'und']);
  });

  it('gives every spelling a stored list may use for a language asked for', () => {
    expect(spellingsOf('SPA')).toEqual(['spa', 'es', 'spanish', 'español']);
    expect(spellingsOf('Klingonese')).toEqual(['klingonese']);
  });
});
