import { MessageType, stringifyMessage } from 'graphql-ws';
import type WebSocket from 'ws';
import { SharedFrames } from '../../src/edge/shared-frames';

/** A socket that records what it is given to write (the send that SharedFrames wraps). */
function recordingSocket() {
  const written: unknown[] = [];
  const socket = { send: (data: unknown) => void written.push(data) } as unknown as WebSocket;
  return { socket, written };
}

describe('SharedFrames: one serialisation per shared result, frames as graphql-ws writes them', () => {
  const result = { data: { registrationCounts: { eventId: 'RXZlbnQ6MQ==', confirmed: 3, note: 'quotes " and \\u0000 survive' } } };

  it('writes, for any id, exactly the frame graphql-ws would have written, with the payload text made once', () => {
    const frames = new SharedFrames();
    const ids = ['counts', 'a"b', '\u0000shared-payload:x', '"payload":"x"}'];
    const sockets = ids.map(() => recordingSocket());
    sockets.forEach(({ socket }) => frames.attach(socket));
    ids.forEach((id, i) => {
      sockets[i].socket.send(stringifyMessage({ id, type: MessageType.Next, payload: frames.payloadOf(result) as never }, frames.replacer));
    });
    expect(sockets.map(({ written }) => written)).toEqual(ids.map((id) => [JSON.stringify({ id, type: 'next', payload: result })]));
    expect(frames.payloadOf(result)).toBe(frames.payloadOf(result));
  });

  it('leaves results with errors, and every other message, to graphql-ws untouched', () => {
    const frames = new SharedFrames();
    expect(frames.payloadOf({ data: null, errors: [] })).toBeUndefined();
    const { socket, written } = recordingSocket();
    frames.attach(socket);
    const complete = stringifyMessage({ id: 'x', type: MessageType.Complete }, frames.replacer);
    const next = stringifyMessage({ id: 'x', type: MessageType.Next, payload: { data: { payload: 'plain' } } }, frames.replacer);
    socket.send(complete);
    socket.send(next);
    expect(written).toEqual([complete, next]);
  });

  it('never puts a payload into a frame it was not stringified for: a frame left unsent does not leak into the next', () => {
    const frames = new SharedFrames();
    const { socket, written } = recordingSocket();
    frames.attach(socket);
    // Stringified for a socket that was already closing, so never written.
    stringifyMessage({ id: 'gone', type: MessageType.Next, payload: frames.payloadOf(result) as never }, frames.replacer);
    const other = stringifyMessage({ id: 'other', type: MessageType.Next, payload: { data: { x: 1 } } }, frames.replacer);
    socket.send(other);
    expect(written).toEqual([other]);
  });
});
