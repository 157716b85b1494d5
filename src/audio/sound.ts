/**
 * The game's one sound module: effects, the ambient loop and the volume settings, over howler.
 * Files come from assets/audio/ (made by `npm run assets:audio`) through Vite, which turns each
 * import into a URL that works under `base: './'`. Settings are kept by the store, which calls
 * applySoundSettings whenever they change and once at start.
 */
import type { HowlOptions } from 'howler';
import ambientUrl from '../../assets/audio/ambient.wav';
import cardUrl from '../../assets/audio/card.wav';
import clickUrl from '../../assets/audio/click.wav';
import endingDrawUrl from '../../assets/audio/ending_draw.wav';
import endingLossUrl from '../../assets/audio/ending_loss.wav';
import endingWinUrl from '../../assets/audio/ending_win.wav';
import eventUrl from '../../assets/audio/event.wav';
import meterDownUrl from '../../assets/audio/meter_down.wav';
import meterUpUrl from '../../assets/audio/meter_up.wav';
import proposalUrl from '../../assets/audio/proposal.wav';
import warningUrl from '../../assets/audio/warning.wav';
import { createSoundPlayer, type AudioBackend, type SoundName, type SoundPlayer, type SoundSettings, type Voice } from './player';

export type { SoundName, SoundSettings } from './player';

const URLS: Readonly<Record<SoundName | 'ambient', string>> = {
  click: clickUrl,
  card: cardUrl,
  meter_up: meterUpUrl,
  meter_down: meterDownUrl,
  event: eventUrl,
  proposal: proposalUrl,
  ending_win: endingWinUrl,
  ending_draw: endingDrawUrl,
  ending_loss: endingLossUrl,
  warning: warningUrl,
  ambient: ambientUrl,
};

type HowlerModule = typeof import('howler');

/** A Howl per file, played through Web Audio (not html5: its pool of ten elements runs out). */
function howlVoice({ Howl }: HowlerModule, src: string, loop: boolean, volume: number): Voice {
  // Small files are inlined by Vite as data: URLs, which carry no extension: name the format.
  const options: HowlOptions = { src: [src], format: ['wav'], loop, volume, html5: false, preload: true };
  const howl = new Howl(options);
  howl.on('loaderror', (_id, error) => {
    console.warn(`A sound could not be loaded (${src}): ${String(error)}. The game continues without it.`);
  });
  return {
    play: () => howl.play(),
    stop: (id) => {
      howl.stop(id);
    },
    fade: (id, to, ms, done) => {
      const from = howl.volume(id) as unknown as number;
      if (from === to) {
        // howler's fade never ends (nor reports) when there is nothing to fade.
        howl.volume(to, id);
        done();
        return;
      }
      howl.once('fade', () => done(), id);
      howl.fade(from, to, ms, id);
    },
  };
}

/** howler, fetched as its own chunk at the player's first press (when browsers first allow sound). */
async function howlerBackend(): Promise<AudioBackend> {
  const howler = await import('howler');
  return {
    createVoice: ({ src, loop, volume }) => howlVoice(howler, src, loop, volume),
    setVolume: (volume) => {
      howler.Howler.volume(volume);
    },
    setMuted: (muted) => {
      howler.Howler.mute(muted);
    },
  };
}

const player: SoundPlayer | undefined = typeof window === 'undefined' ? undefined : createSoundPlayer(howlerBackend, URLS, window);

/** Plays an effect; does nothing before the player's first press (browsers would block it). */
export function playSound(name: SoundName): void {
  player?.playSound(name);
}

/** Fades the ambient loop in or out; remembered until the first press if asked for before it. */
export function setAmbient(on: boolean): void {
  player?.setAmbient(on);
}

/** Master volume (0..1) and mute, applied at once (or at the first press, if before it). */
export function applySoundSettings(settings: SoundSettings): void {
  player?.applySoundSettings(settings);
}
