import type { LocalizedText } from './schema';

/** "Myself", as a citizen types it for whom something is done: the checklist's applicant, the home visit's "for whom". */
export const SELF_WORDS: { [lang in keyof LocalizedText]: readonly string[] } = { ru: ['сам', 'сама', 'лично', 'себе', 'себя'], kk: ['өзім', 'өзіме', 'өзі'] };

/**
 * Words citizens type for a checklist question's answer instead of pressing its button, by
 * `question:option` id (the ids are shared by the services that ask the same question): "цон" for
 * "В Госкорпорации (ЦОН)", "мама" for "Родитель несовершеннолетнего", "порвался" for "Документ
 * испорчен". Both languages' words go to every button: citizens mix them. A word matches its
 * inflected forms ("цонға", "потеряла"), so each is written in its shortest common form.
 */
export const ANSWER_WORDS: Readonly<Record<string, { [lang in keyof LocalizedText]: readonly string[] }>> = {
  // "Сам", "өзім" alone answer who applies, not how: the verb tells the office ("сам отнесу").
  'channel:provider_office': { ru: ['канцелярия', 'лично', 'бумаге', 'отнесу'], kk: ['кеңсе', 'қағаз', 'апарам'] },
  'channel:state_corporation': { ru: ['цон', 'госкорпорация', 'центр обслуживания'], kk: ['хқко', 'цон', 'халыққа қызмет'] },
  'channel:egov_portal': { ru: ['егов', 'egov', 'портал', 'онлайн', 'интернет', 'электронно', 'сайт'], kk: ['егов', 'портал', 'онлайн', 'интернет', 'электронды', 'сайт'] },
  'channel:other': { ru: ['ватсап', 'whatsapp', 'почта', 'email', 'гугл', 'google', 'диск'], kk: ['ватсап', 'пошта', 'диск'] },
  'applicant:self': SELF_WORDS,
  'applicant:parent': {
    ru: ['мама', 'папа', 'мать', 'отец', 'родитель', 'ребенка', 'ребёнка', 'сына', 'дочь', 'дочери', 'опекун'],
    kk: ['ана', 'анасы', 'әке', 'әкесі', 'ата-ана', 'баламның', 'балама', 'ұлым', 'қызым', 'қамқоршы'],
  },
  'applicant:representative': { ru: ['доверенность', 'представитель', 'брат', 'сестра', 'муж', 'жена', 'родственник'], kk: ['сенімхат', 'өкіл', 'туыс', 'күйеуім', 'әйелім', 'інім', 'ағам', 'апам'] },
  'reason:lost': { ru: ['потерял', 'утерял', 'пропал', 'украли', 'найти'], kk: ['жоғал', 'таппай', 'таба алмай', 'табылмай', 'ұрла'] },
  'reason:damaged': { ru: ['испорчен', 'испортил', 'порван', 'порвал', 'намок', 'залил', 'сгорел', 'мятый', 'выцвел'], kk: ['бүлін', 'жыртыл', 'су тиді', 'суланды', 'күйіп', 'өртен', 'бұзыл'] },
  'reason:name_changed': { ru: ['фамилия', 'фамилию', 'фио', 'замуж', 'сменила', 'поменяла', 'поменял'], kk: ['тегім', 'тегімді', 'аты-жөні', 'тұрмысқа', 'өзгерді', 'ауыстырдым'] },
  'reason:illness': { ru: ['болезнь', 'болею', 'заболел', 'больница', 'операция', 'вкк'], kk: ['ауру', 'ауырып', 'науқас', 'ота', 'аурухана'] },
  'reason:tuberculosis': { ru: ['туберкулез', 'тубик'], kk: ['туберкулез'] },
  'reason:childcare': { ru: ['декрет', 'ребенок', 'ребёнок', 'родила', 'беременна', 'малыш'], kk: ['декрет', 'бала күтімі', 'босандым', 'жүкті', 'сәби'] },
  'reason:military': { ru: ['армия', 'армию', 'призыв', 'повестка', 'служба', 'служить'], kk: ['әскер', 'армия', 'шақыру', 'повестка'] },
  'category:large_family': { ru: ['многодетные', 'многодетная', 'многодетной'], kk: ['көп балалы', 'көпбалалы'] },
  'category:orphan': { ru: ['сирота', 'детдом', 'опекой'], kk: ['жетім', 'балалар үйі'] },
  'category:disability': { ru: ['инвалид', 'инвалидность', 'инвалидностью'], kk: ['мүгедек'] },
  'category:social_assistance': { ru: ['асп', 'адресная', 'адресную'], kk: ['аәк', 'атаулы'] },
  'case:paid_to_state_order': { ru: ['грант', 'бюджет'], kk: ['грант', 'бюджетке'] },
  'case:from_abroad': { ru: ['заграница', 'зарубеж', 'иностранн'], kk: ['шетел', 'шетелден'] },
  'case:to_secondary_school': { ru: ['школу', 'школа'], kk: ['мектепке', 'мектеп'] },
  'category:low_income': { ru: ['малообеспеченные', 'малоимущие', 'доход'], kk: ['аз қамтылған', 'табыс'] },
  // Yes or no told in words: "замужем", "есть ребёнок"; "нет детей" has more words of the no than "дети" of the yes.
  'family:yes': { ru: ['замужем', 'женат', 'в браке', 'есть дети', 'семейный', 'семейная'], kk: ['балам бар', 'балаларым бар', 'отбасылымын', 'үйленгенмін', 'тұрмыстамын', 'тұрмыс құрғанмын'] },
  'family:no': { ru: ['холост', 'холостой', 'не замужем', 'не женат', 'нет детей', 'детей нет'], kk: ['бойдақпын', 'үйленбегенмін', 'тұрмыс құрмағанмын', 'тұрмысқа шықпағанмын'] },
  'disability:yes': { ru: ['инвалид', 'инвалидность', 'группа'], kk: ['мүгедек', 'мүгедектік', 'топ'] },
  'disability:no': { ru: ['нет инвалидности', 'инвалидности нет', 'здоров'], kk: ['мүгедектігім жоқ', 'сау'] },
  // "в другом городе" says "городе" of both answers' words: the other town tells which.
  'sc_office:same_town': { ru: ['тот же город', 'в том же городе', 'там же', 'рядом'], kk: ['сол қалада', 'сол ауданда', 'сонда'] },
  'sc_office:elsewhere': { ru: ['другой город', 'в другом городе', 'в другом районе', 'в другой области'], kk: ['басқа қалада', 'басқа ауданда', 'басқа облыста'] },
  'unt_certificate:yes': { ru: ['есть сертификат', 'сдавал ент', 'сдала ент'], kk: ['сертификат бар', 'ҰБТ тапсырдым'] },
  'unt_certificate:no': { ru: ['нет сертификата', 'сертификата нет', 'не сдавал'], kk: ['сертификат жоқ', 'тапсырмадым'] },
};

/** The words citizens type for one answer of a question, in both languages (none when it has no words of its own). */
export function answerWords(questionId: string, optionId: string): string[] {
  const words = ANSWER_WORDS[`${questionId}:${optionId}`];
  return words ? [...words.ru, ...words.kk] : [];
}

/**
 * Questions whose words a first message says of other things or asks about: "балама тегін тамақ керек" may come from a
 * grandmother, "көп балалы отбасымыз" tells a large family, not a married student, "мектепке барайын ба, әлде цонға?"
 * asks where to apply. Their answers are asked, never read from the message that chose the service.
 */
export const ASKED_NOT_READ: ReadonlySet<string> = new Set(['applicant', 'family', 'channel']);
