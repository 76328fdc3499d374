import { fromGlobalId, localIdOf, toGlobalId } from '../../src/domain/global-id';
import { decodeEventCursor, encodeEventCursor } from '../../src/domain/cursor';
import { DomainError } from '../../src/domain/errors';

describe('global ids', () => {
  it('round-trip a type and a local id through an opaque string', () => {
    const id = toGlobalId('Event', 'abc:123');
    expect(id).not.toContain('Event');
    expect(fromGlobalId(id)).toEqual({ type: 'Event', localId: 'abc:123' });
  });

  it.each([
    ['not base64', '%%%'],
    ['no type separator', Buffer.from('Eventabc').toString('base64url')],
    ['empty local id', Buffer.from('Event:').toString('base64url')],
    ['lower-case type', Buffer.from('event:1').toString('base64url')],
    ['padding variant of a valid id', `${toGlobalId('Event', 'x')}=`],
    ['a NUL in the local id (PostgreSQL refuses it in text)', toGlobalId('Event', '\u0000abc')],
    ['a C0 control in the local id', toGlobalId('Partner', 'a\u001bb')],
    ['a C1 control in the local id', toGlobalId('Event', '\u0085')],
    ['bytes that are not UTF-8', Buffer.concat([Buffer.from('Event:'), Buffer.from([0xff, 0xfe])]).toString('base64url')],
    ['a local id longer than any issued', toGlobalId('Event', 'x'.repeat(201))],
  ])('reject %s with BAD_USER_INPUT naming the argument and value', (_case, bad) => {
    try {
      fromGlobalId(bad, 'id');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect((error as DomainError).message).toBe(`Invalid value for argument "id": ${JSON.stringify(bad)}. Expected a global id returned by this API.`);
    }
  });

  it('accept every shape of local id we issue: UUIDs, 32-hex stable ids, slugs with colons', () => {
    for (const local of ['5f0c7a3e-2b1d-4c8e-9f6a-0d3b2c1a4e5f', 'a'.repeat(32), 'abc:123', 'x'.repeat(200), 'café']) {
      expect(fromGlobalId(toGlobalId('Event', local)).localId).toBe(local);
    }
  });

  it('refuse an id of another type where one type is required', () => {
    expect(() => localIdOf('Event', toGlobalId('Partner', 'p1'), 'id'))
      .toThrow(`Invalid value for argument "id": "${toGlobalId('Partner', 'p1')}". Expected a Event id.`);
  });
});

describe('event cursors', () => {
  it('round-trip the keyset position', () => {
    const position = { startsAt: '2026-12-01T15:00:00.000Z', id: 'e1' };
    expect(decodeEventCursor(encodeEventCursor(position))).toEqual(position);
  });

  it.each(['', 'garbage!', Buffer.from('ev1|yesterday|e1').toString('base64url'), Buffer.from('xx|2026-12-01T15:00:00.000Z|e1').toString('base64url')])(
    'reject the malformed cursor %p naming "after"',
    (bad) => {
      expect(() => decodeEventCursor(bad)).toThrow(`Invalid value for argument "after": ${JSON.stringify(bad)}`);
    },
  );
});
