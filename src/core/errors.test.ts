import { describe, expect, it } from 'vitest';
import { describeError, PhaseError } from './errors.js';

describe('describeError', () => {
  it('reads the message of an Error', () => {
    expect(describeError(new TypeError('bad input'))).toBe('bad input');
  });

  it('reads an error that crossed a worker boundary as a plain object', () => {
    // What a DataCloneError looks like once it is no longer an Error instance.
    const crossed = {
      name: 'DataCloneError',
      message: 'function hasOwnProperty() { [native code] } could not be cloned.',
    };
    expect(describeError(crossed)).toBe(
      'DataCloneError: function hasOwnProperty() { [native code] } could not be cloned.',
    );
  });

  it('never answers [object Object]', () => {
    expect(describeError({ code: 7 })).toBe('{"code":7}');
    expect(describeError({})).toBe('a thrown Object with no message');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeError(circular)).toBe('a thrown Object with no message');
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError(undefined)).toBe('undefined');
  });
});

describe('PhaseError', () => {
  it('names the phase and keeps the cause', () => {
    const cause = { message: 'worker went away' };
    const error = new PhaseError('extract', cause);
    expect(error.message).toBe('extract phase: worker went away');
    expect(error.cause).toBe(cause);
  });
});
