/**
 * When and how the game's sounds play, independent of the audio library (src/audio/sound.ts wires
 * it to howler). Browsers refuse audio until the player has pressed something, so nothing is
 * created or played before the first pointer or key press; effects asked for before then are
 * dropped (a burst of stale clicks later would be worse than silence), while the ambient loop's
 * on/off and the volume settings are remembered and take effect at that first press.
 */

export const SOUND_NAMES = ['click', 'card', 'meter_up', 'meter_down', 'event', 'proposal', 'ending_win', 'ending_draw', 'ending_loss', 'warning'] as const;

/** A short effect: a button, a decision card played, a meter moving, an event, a proposal, an ending, a turn timer running low. */
export type SoundName = (typeof SOUND_NAMES)[number];

export interface SoundSettings {
  /** Master volume, 0 (silent) to 1 (full). */
  readonly volume: number;
  readonly muted: boolean;
}

/**
 * The formats every sound ships in, in the order a browser should try them (howler takes the first
 * it can play): Ogg Vorbis, the smaller, which Chromium and Firefox play; MP3 for a browser without
 * Ogg (Safari before it had it).
 */
export const AUDIO_FORMATS = ['ogg', 'mp3'] as const;
export type AudioFormat = (typeof AUDIO_FORMATS)[number];

/** One sound's file in each format (URLs). */
export type SoundSources = Readonly<Record<AudioFormat, string>>;

/** The part of a file that repeats, in seconds from its start. */
export interface LoopRegion {
  readonly start: number;
  readonly seconds: number;
}

/**
 * The ambient file holds its loop with `start` seconds of the loop's own end before it and as much
 * of its start after it, and only the region between repeats. An MP3 decoder puts the encoder's
 * delay (about 50 ms of silence) before the sound and not every browser removes it; however far a
 * decoder shifts the sound, up to `start`, the region still holds exactly one period of it, so the
 * seam is seamless in either format.
 */
export const AMBIENT_LOOP: LoopRegion = { start: 0.2, seconds: 10 };

/** One loaded sound file, as the player needs it. */
export interface Voice {
  /** Starts a new instance and returns its id. */
  play(): number;
  stop(id: number): void;
  /** Fades one instance from its current volume to `to` over `ms`, then calls `done`. */
  fade(id: number, to: number, ms: number, done: () => void): void;
}

export interface AudioBackend {
  /** `loop`: the region that repeats, or null for an effect played once. */
  createVoice(options: { readonly src: SoundSources; readonly loop: LoopRegion | null; readonly volume: number }): Voice;
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
}

export interface SoundPlayer {
  playSound(name: SoundName): void;
  setAmbient(on: boolean): void;
  applySoundSettings(settings: SoundSettings): void;
  /** True once the first press has happened and sounds can play. */
  readonly unlocked: boolean;
}

/** The ambient loop sits well under the effects. */
export const AMBIENT_VOLUME = 0.45;
export const AMBIENT_FADE_IN_MS = 2500;
export const AMBIENT_FADE_OUT_MS = 1200;

/** The DOM events that count as the player's first press (before Phaser sees them: capture phase). */
export const FIRST_INPUT_EVENTS = ['pointerdown', 'keydown'] as const;

/**
 * `loadBackend` is called once, at the first press: the audio library is fetched only then, so a
 * visit does not download it before the title (and one that never presses never does).
 */
export function createSoundPlayer(loadBackend: () => Promise<AudioBackend>, urls: Readonly<Record<SoundName | 'ambient', SoundSources>>, firstInput: EventTarget): SoundPlayer {
  let unlocked = false;
  let backend: AudioBackend | undefined;
  const effects = new Map<SoundName, Voice>();
  let ambient: Voice | undefined;
  let ambientWanted = false;
  /** The playing (or fading-out) ambient instance. */
  let ambientId: number | undefined;
  let settings: SoundSettings | undefined;

  const clampVolume = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 1);

  function pushSettings(): void {
    if (!settings || !backend) return;
    backend.setVolume(clampVolume(settings.volume));
    backend.setMuted(settings.muted);
  }

  function updateAmbient(): void {
    if (!ambient) return;
    const voice = ambient;
    if (ambientWanted) {
      if (ambientId === undefined) ambientId = voice.play();
      // From silence for a new instance, or from wherever a fade-out had reached.
      voice.fade(ambientId, AMBIENT_VOLUME, AMBIENT_FADE_IN_MS, () => {});
    } else if (ambientId !== undefined) {
      const id = ambientId;
      voice.fade(id, 0, AMBIENT_FADE_OUT_MS, () => {
        // Turned back on while fading out: keep playing.
        if (ambientWanted || ambientId !== id) return;
        voice.stop(id);
        ambientId = undefined;
      });
    }
  }

  function unlock(): void {
    if (unlocked) return;
    unlocked = true;
    for (const type of FIRST_INPUT_EVENTS) firstInput.removeEventListener(type, unlock, true);
    loadBackend().then(
      (loaded) => {
        backend = loaded;
        pushSettings();
        // Every file starts loading now, so the first of each effect is not late.
        for (const name of SOUND_NAMES) effects.set(name, loaded.createVoice({ src: urls[name], loop: null, volume: 1 }));
        ambient = loaded.createVoice({ src: urls.ambient, loop: AMBIENT_LOOP, volume: 0 });
        updateAmbient();
      },
      (error: unknown) => console.warn(`The sound library could not be loaded (${String(error)}); the game continues in silence.`),
    );
  }

  for (const type of FIRST_INPUT_EVENTS) firstInput.addEventListener(type, unlock, true);

  return {
    playSound(name) {
      effects.get(name)?.play();
    },
    setAmbient(on) {
      if (on === ambientWanted) return;
      ambientWanted = on;
      updateAmbient();
    },
    applySoundSettings(next) {
      settings = { volume: next.volume, muted: next.muted };
      if (unlocked) pushSettings();
    },
    get unlocked() {
      return unlocked;
    },
  };
}
