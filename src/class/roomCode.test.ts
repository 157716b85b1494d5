import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRoomCode, makeRoomCode, readRoomCode, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from './roomCode';

const code = fc.array(fc.constantFrom(...ROOM_CODE_ALPHABET), { minLength: ROOM_CODE_LENGTH, maxLength: ROOM_CODE_LENGTH }).map((cs) => cs.join(''));

describe('class game codes', () => {
  it('use no character that reads as another', () => {
    for (const c of '0O1IL5S2Z8B') expect(ROOM_CODE_ALPHABET).not.toContain(c);
    expect(new Set(ROOM_CODE_ALPHABET).size).toBe(ROOM_CODE_ALPHABET.length);
  });

  it('are made from the picks given, each a character of the alphabet', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: ROOM_CODE_LENGTH, maxLength: ROOM_CODE_LENGTH }), (picks) => {
        let i = 0;
        const made = makeRoomCode((n) => picks[i++]! % n);
        expect(isRoomCode(made)).toBe(true);
        expect(made).toBe(picks.map((p) => ROOM_CODE_ALPHABET[p % ROOM_CODE_ALPHABET.length]).join(''));
      }),
    );
  });

  it('read back however a team types or pastes them', () => {
    fc.assert(
      fc.property(code, (c) => {
        for (const typed of [c, c.toLowerCase(), `${c.slice(0, 3)}-${c.slice(3)}`, ` ${c.slice(0, 3)} ${c.slice(3)} `, `http://10.0.0.5:2567/?join=${c}&seat=tokyo`, `…/#join=${c.toLowerCase()}`]) {
          expect(readRoomCode(typed)).toEqual({ ok: true, code: c });
        }
      }),
    );
  });

  it('say what is wrong with what is not a code, for any input, and never throw', () => {
    expect(readRoomCode('')).toEqual({ ok: false, problem: 'empty' });
    expect(readRoomCode('  - ')).toEqual({ ok: false, problem: 'empty' });
    expect(readRoomCode('AB3K7Q')).toEqual({ ok: false, problem: 'lookAlike' });
    expect(readRoomCode('ACD!FG')).toEqual({ ok: false, problem: 'character' });
    expect(readRoomCode('ACDEF')).toEqual({ ok: false, problem: 'length' });
    expect(readRoomCode('ACDEFGH')).toEqual({ ok: false, problem: 'length' });
    expect(readRoomCode('A'.repeat(501))).toEqual({ ok: false, problem: 'tooLong' });
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (input) => {
        const read = readRoomCode(input);
        if (read.ok) expect(isRoomCode(read.code)).toBe(true);
      }),
    );
  });

  it('are told from other values', () => {
    expect(isRoomCode('ACDEFG')).toBe(true);
    for (const value of ['acdefg', 'ACDEF', 'ACDEF0', 42, null, undefined, ['ACDEFG']]) expect(isRoomCode(value)).toBe(false);
  });
});
