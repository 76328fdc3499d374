import { webUrl } from '../../src/domain/web-url';

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
