import { describe, expect, it } from 'vitest';
import { AMBIENT_FADE_IN_MS, AMBIENT_FADE_OUT_MS, AMBIENT_LOOP, AMBIENT_VOLUME, SOUND_NAMES, createSoundPlayer, type AudioBackend, type SoundName, type SoundSources, type Voice } from './player';

const URLS = Object.fromEntries([...SOUND_NAMES, 'ambient'].map((n) => [n, { ogg: `/audio/${n}.ogg`, mp3: `/audio/${n}.mp3` }])) as Record<SoundName | 'ambient', SoundSources>;

/**
 * An audio backend that records what the player asks of it, standing in for howler (which needs
 * a browser's audio hardware). Fades finish only when the test says so.
 */
function recordingBackend() {
  const log: string[] = [];
  const pendingFades: { id: number; to: number; done: () => void }[] = [];
  let nextId = 1;
  const backend: AudioBackend = {
    createVoice({ src: sources, loop, volume }) {
      // Named by its first source; the other must be the same sound's.
      const src = sources.ogg;
      expect(sources.mp3).toBe(src.replace(/\.ogg$/, '.mp3'));
      log.push(`create ${src} loop=${loop ? `${loop.start}+${loop.seconds}s` : 'none'} volume=${volume}`);
      const voice: Voice = {
        play() {
          const id = nextId++;
          log.push(`play ${src} #${id}`);
          return id;
        },
        stop(id) {
          log.push(`stop ${src} #${id}`);
        },
        fade(id, to, ms, done) {
          log.push(`fade ${src} #${id} to ${to} in ${ms}`);
          pendingFades.push({ id, to, done });
        },
      };
      return voice;
    },
    setVolume: (v) => log.push(`volume ${v}`),
    setMuted: (m) => log.push(`muted ${m}`),
  };
  const finishFades = (): void => {
    for (const f of pendingFades.splice(0)) f.done();
  };
  return { backend, log, finishFades };
}

/** A press, then a wait for the backend the first press asks for (the audio library loads then). */
async function press(target: EventTarget, type: 'pointerdown' | 'keydown' = 'pointerdown'): Promise<void> {
  target.dispatchEvent(new Event(type));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the sound player', () => {
  it('creates and plays nothing before the first press, and drops effects asked for before it', async () => {
    const { backend, log } = recordingBackend();
    const input = new EventTarget();
    const player = createSoundPlayer(() => Promise.resolve(backend), URLS, input);
    player.playSound('click');
    player.playSound('event');
    player.applySoundSettings({ volume: 0.3, muted: false });
    expect(log).toEqual([]);
    expect(player.unlocked).toBe(false);

    await press(input, 'keydown');
    expect(player.unlocked).toBe(true);
    // The settings arrive at the press; no queued click or event follows it.
    expect(log.filter((l) => l.startsWith('play'))).toEqual([]);
    expect(log).toContain('volume 0.3');
    expect(log).toContain('muted false');
    // Every file starts loading at the press; the loop is created silent.
    expect(log.filter((l) => l.startsWith('create'))).toHaveLength(SOUND_NAMES.length + 1);
    expect(log).toContain(`create /audio/ambient.ogg loop=${AMBIENT_LOOP.start}+${AMBIENT_LOOP.seconds}s volume=0`);
    expect(log).toContain('create /audio/click.ogg loop=none volume=1');
  });

  it('plays each effect from its own file after the first press, reusing one voice per file', async () => {
    const { backend, log } = recordingBackend();
    const input = new EventTarget();
    const player = createSoundPlayer(() => Promise.resolve(backend), URLS, input);
    await press(input);
    await press(input); // a second press creates nothing new
    log.length = 0;
    player.playSound('card');
    player.playSound('card');
    player.playSound('ending_loss');
    expect(log).toEqual(['play /audio/card.ogg #1', 'play /audio/card.ogg #2', 'play /audio/ending_loss.ogg #3']);
  });

  it('applies volume and mute at once after the first press, clamping the volume to 0..1', async () => {
    const { backend, log } = recordingBackend();
    const input = new EventTarget();
    const player = createSoundPlayer(() => Promise.resolve(backend), URLS, input);
    await press(input);
    log.length = 0;
    player.applySoundSettings({ volume: 0.8, muted: true });
    player.applySoundSettings({ volume: 7, muted: false });
    player.applySoundSettings({ volume: -1, muted: false });
    expect(log).toEqual(['volume 0.8', 'muted true', 'volume 1', 'muted false', 'volume 0', 'muted false']);
  });

  it('remembers the ambient loop asked for before the first press and fades it in at the press', async () => {
    const { backend, log } = recordingBackend();
    const input = new EventTarget();
    const player = createSoundPlayer(() => Promise.resolve(backend), URLS, input);
    player.setAmbient(true);
    expect(log).toEqual([]);
    await press(input);
    expect(log.slice(-2)).toEqual(['play /audio/ambient.ogg #1', `fade /audio/ambient.ogg #1 to ${AMBIENT_VOLUME} in ${AMBIENT_FADE_IN_MS}`]);
  });

  it('fades the ambient loop out before stopping it, and keeps it if turned back on meanwhile', async () => {
    const { backend, log, finishFades } = recordingBackend();
    const input = new EventTarget();
    const player = createSoundPlayer(() => Promise.resolve(backend), URLS, input);
    await press(input);
    player.setAmbient(true);
    finishFades();
    log.length = 0;

    player.setAmbient(false);
    expect(log).toEqual([`fade /audio/ambient.ogg #1 to 0 in ${AMBIENT_FADE_OUT_MS}`]);
    player.setAmbient(true); // before the fade-out ends
    finishFades();
    expect(log).not.toContain('stop /audio/ambient.ogg #1');
    expect(log.filter((l) => l.startsWith('play'))).toEqual([]); // the same instance fades back in

    log.length = 0;
    player.setAmbient(false);
    finishFades();
    expect(log).toEqual([`fade /audio/ambient.ogg #1 to 0 in ${AMBIENT_FADE_OUT_MS}`, 'stop /audio/ambient.ogg #1']);
    player.setAmbient(true);
    expect(log.at(-2)).toBe('play /audio/ambient.ogg #2');
  });
});
