/**
 * The game's one sound module: effects, the ambient loop and the volume settings, over howler.
 * Files come from assets/audio/ (made by `npm run assets:audio`), each sound in every format of
 * AUDIO_FORMATS, through Vite, which turns each import into a URL that works under `base: './'`
 * (never a data: URL inlined in the script: every visit would download the formats it does not
 * play). Settings are kept by the store, which calls applySoundSettings whenever they change and
 * once at start.
 */
import type { HowlOptions } from 'howler';
import ambientMp3 from '../../assets/audio/ambient.mp3?no-inline';
import ambientOgg from '../../assets/audio/ambient.ogg?no-inline';
import cardMp3 from '../../assets/audio/card.mp3?no-inline';
import cardOgg from '../../assets/audio/card.ogg?no-inline';
import clickMp3 from '../../assets/audio/click.mp3?no-inline';
import clickOgg from '../../assets/audio/click.ogg?no-inline';
import endingDrawMp3 from '../../assets/audio/ending_draw.mp3?no-inline';
import endingDrawOgg from '../../assets/audio/ending_draw.ogg?no-inline';
import endingLossMp3 from '../../assets/audio/ending_loss.mp3?no-inline';
import endingLossOgg from '../../assets/audio/ending_loss.ogg?no-inline';
import endingWinMp3 from '../../assets/audio/ending_win.mp3?no-inline';
import endingWinOgg from '../../assets/audio/ending_win.ogg?no-inline';
import eventMp3 from '../../assets/audio/event.mp3?no-inline';
import eventOgg from '../../assets/audio/event.ogg?no-inline';
import meterDownMp3 from '../../assets/audio/meter_down.mp3?no-inline';
import meterDownOgg from '../../assets/audio/meter_down.ogg?no-inline';
import meterUpMp3 from '../../assets/audio/meter_up.mp3?no-inline';
import meterUpOgg from '../../assets/audio/meter_up.ogg?no-inline';
import proposalMp3 from '../../assets/audio/proposal.mp3?no-inline';
import proposalOgg from '../../assets/audio/proposal.ogg?no-inline';
import warningMp3 from '../../assets/audio/warning.mp3?no-inline';
import warningOgg from '../../assets/audio/warning.ogg?no-inline';
import { AUDIO_FORMATS, createSoundPlayer, type AudioBackend, type LoopRegion, type SoundName, type SoundPlayer, type SoundSettings, type SoundSources, type Voice } from './player';

export type { SoundName, SoundSettings } from './player';

const URLS: Readonly<Record<SoundName | 'ambient', SoundSources>> = {
  click: { ogg: clickOgg, mp3: clickMp3 },
  card: { ogg: cardOgg, mp3: cardMp3 },
  meter_up: { ogg: meterUpOgg, mp3: meterUpMp3 },
  meter_down: { ogg: meterDownOgg, mp3: meterDownMp3 },
  event: { ogg: eventOgg, mp3: eventMp3 },
  proposal: { ogg: proposalOgg, mp3: proposalMp3 },
  ending_win: { ogg: endingWinOgg, mp3: endingWinMp3 },
  ending_draw: { ogg: endingDrawOgg, mp3: endingDrawMp3 },
  ending_loss: { ogg: endingLossOgg, mp3: endingLossMp3 },
  warning: { ogg: warningOgg, mp3: warningMp3 },
  ambient: { ogg: ambientOgg, mp3: ambientMp3 },
};

type HowlerModule = typeof import('howler');

/** A Howl per sound, played through Web Audio (not html5: its pool of ten elements runs out). */
function howlVoice({ Howl }: HowlerModule, sources: SoundSources, loop: LoopRegion | null, volume: number): Voice {
  const src = AUDIO_FORMATS.map((format) => sources[format]);
  const options: HowlOptions = {
    src,
    // Said, not left to howler to guess from each URL's extension.
    format: [...AUDIO_FORMATS],
    loop: loop !== null,
    volume,
    html5: false,
    preload: true,
    // Through Web Audio a looping sprite repeats on the buffer's own loop points: sample-exact, no gap.
    ...(loop && { sprite: { loop: [loop.start * 1000, loop.seconds * 1000, true] as [number, number, boolean] } }),
  };
  const howl = new Howl(options);
  howl.on('loaderror', (_id, error) => {
    console.warn(`A sound could not be loaded (${src.join(' or ')}): ${String(error)}. The game continues without it.`);
  });
  return {
    play: () => (loop ? howl.play('loop') : howl.play()),
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
