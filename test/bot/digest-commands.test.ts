import assert from 'node:assert/strict';
import { parseCommand } from '../../bot/commands.js';

describe('bot: the digest commands as a lead may write them', () => {
  it('reads the digest’s name in each language with on or off, telling the language by the word', () => {
    assert.deepEqual(parseCommand('sammendrag på'), { kind: 'digest', on: true, wroteIn: ['nb'] });
    assert.deepEqual(parseCommand('Sammendrag av!'), { kind: 'digest', on: false, wroteIn: ['nb'] });
    assert.deepEqual(parseCommand('ukesammendrag av'), { kind: 'digest', on: false, wroteIn: ['nb'] });
    assert.deepEqual(parseCommand('samandrag på'), { kind: 'digest', on: true, wroteIn: ['nn'] });
    assert.deepEqual(parseCommand('sammanfattning av'), { kind: 'digest', on: false, wroteIn: ['sv'] });
    assert.deepEqual(parseCommand('digest off'), { kind: 'digest', on: false, wroteIn: ['en'] });
    assert.deepEqual(parseCommand('<at>Digipuls</at> digest on'), { kind: 'digest', on: true, wroteIn: ['en'] });
    assert.deepEqual(parseCommand('digest på'), { kind: 'digest', on: true, wroteIn: ['nb', 'nn', 'sv'] });
  });

  it('leaves anything else alone: no switch, more words, or words that only look like keys', () => {
    for (const text of ['sammendrag', 'sammendrag kanskje', 'sammendrag på nå', 'constructor on', 'toString av', 'på sammendrag']) {
      assert.equal(parseCommand(text).kind, 'unknown', text);
    }
    // The tips' own words still mean tips.
    assert.equal(parseCommand('stopp').kind, 'stopNudges');
    assert.equal(parseCommand('start').kind, 'startNudges');
  });
});
