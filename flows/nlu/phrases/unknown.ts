import type { IntentPhrases } from '../phrase-types';

/** Messages the assistant does not serve: they teach the classifier what is none of its business. */
export const unknownPhrases: IntentPhrases = {
  kk: ['ауа райы қандай', 'бүгін не жаңалық', 'әзіл айтшы', 'футбол кім жеңді', 'такси шақыр', 'мен сені жақсы көремін', 'зейнетақы қашан түседі', 'несие алғым келеді'],
  ru: ['какая погода', 'расскажи анекдот', 'кто выиграл матч', 'вызови такси', 'курс доллара', 'как приготовить плов', 'когда придет пенсия', 'хочу взять кредит'],
};
