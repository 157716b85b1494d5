/**
 * Every language's table at once, for the tests and the build tools (the font subsets, the
 * completeness check). The game itself loads English with its code and the others on demand.
 */
import type { Language } from '../../engine/model';
import { translation as en } from './en';
import { translation as ja } from './ja';
import { translation as ko } from './ko';

export const RESOURCES = { en: { translation: en }, ja: { translation: ja }, ko: { translation: ko } } as const satisfies Record<Language, { translation: object }>;
