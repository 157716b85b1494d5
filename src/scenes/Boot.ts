import { Scene } from 'phaser';
import { currentLanguage } from '../i18n';
import { publish } from '../testHook';
import { prepareLanguage } from '../ui/language';

/** First scene: loads the interface language's strings and fonts (src/ui/language.ts), then hands over to the Preloader. */
export class Boot extends Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    publish({ scene: 'Boot' });
    // Canvas text keeps the font it was first drawn with: the language's own fonts come first.
    void prepareLanguage(currentLanguage()).then(() => this.scene.start('Preloader'));
  }
}
