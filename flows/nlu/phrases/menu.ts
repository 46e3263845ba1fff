import type { IntentPhrases } from '../phrase-types';

export const menuPhrases: IntentPhrases = {
  kk: ['мәзір', 'басты мәзір', 'басына қайту', 'мәзірге қайту', 'басынан бастау'],
  ru: ['меню', 'главное меню', 'вернуться в начало', 'в меню', 'начать сначала'],
};
