import { Scene } from 'phaser';
import { currentLanguage } from '../i18n';
import { publish } from '../testHook';
import { loadLanguageFonts } from '../ui/fonts';

/** First scene: loads the interface language's fonts (src/ui/fonts.ts), then hands over to the Preloader. */
export class Boot extends Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    publish({ scene: 'Boot' });
    // Canvas text keeps the font it was first drawn with: the language's own fonts come first.
    void loadLanguageFonts(currentLanguage()).then(() => this.scene.start('Preloader'));
  }
}
