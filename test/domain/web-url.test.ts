import { webLinkAsStored, webUrl } from '../../src/domain/web-url';

describe('webUrl: only absolute http(s) URLs are links', () => {
  it.each([
    ['https://library.example/event/1', 'https://library.example/event/1'],
    ['  HTTP://Library.Example/a b ', 'http://library.example/a%20b'],
    ['https://library.example', 'https://library.example/'],
  ])('keeps %j as %j', (input, expected) => {
    expect(webUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(document.cookie)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.com/path',
    '/events/1',
    'events/1',
    '../admin',
    'mailto:staff@library.example',
    'ftp://files.library.example/a',
    'blob:https://library.example/uuid',
    'http://',
    '',
    '   ',
  ])('refuses %j', (input) => {
    expect(webUrl(input)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(webUrl(null)).toBeNull();
    expect(webUrl(undefined)).toBeNull();
    expect(webUrl({ href: 'https://library.example/' })).toBeNull();
  });
});

describe('webLinkAsStored', () => {
  it('answers the stored text (trimmed) for a web URL, null otherwise, the same on every read', () => {
    const texts = [' https://library.example/a ', 'javascript:alert(1)', 'https://library.example/a', 'HTTP://Example.org', '/events/1', 'https://library.example/a '];
    const first = texts.map(webLinkAsStored);
    expect(first).toEqual(['https://library.example/a', null, 'https://library.example/a', 'HTTP://Example.org', null, 'https://library.example/a']);
    // Read again (from its remembered verdicts) and after many other texts have passed through.
    expect(texts.map(webLinkAsStored)).toEqual(first);
    for (let i = 0; i < 12_000; i++) webLinkAsStored(i % 2 ? `https://library.example/${i}` : `javascript:${i}`);
    expect(texts.map(webLinkAsStored)).toEqual(first);
    expect(webLinkAsStored('https://library.example/11999')).toBe('https://library.example/11999');
    expect(webLinkAsStored('javascript:11998')).toBeNull();
    expect(webLinkAsStored(null)).toBeNull();
    expect(webLinkAsStored(42)).toBeNull();
  });
});
