import type { ChannelId, Fact, Service, SourceRef, Term } from '../schema';

/**
 * Standard clauses that the legal sources repeat word for word across services. Each builder takes
 * the sources of the service that cites the clause, so every entry keeps pointing at its own seed
 * lines while the text stands in one place.
 */

type Sources = SourceRef[];

// ——— Terms at the State Corporation ———

export function stateCorporationQueueWait(sources: Sources): Term {
  return {
    kind: 'sc_wait',
    minutes: 15,
    channels: ['state_corporation'],
    text: {
      kk: 'Мемлекеттік корпорацияда құжат тапсыру үшін кезекте күтудің ең ұзақ уақыты – 15 минут.',
      ru: 'Максимальное время ожидания в очереди для сдачи документов в Госкорпорации — 15 минут.',
    },
    sources,
  };
}

export function stateCorporationServiceTime(sources: Sources): Term {
  return {
    kind: 'sc_service',
    minutes: 15,
    channels: ['state_corporation'],
    text: {
      kk: 'Мемлекеттік корпорацияда қызмет көрсетудің ең ұзақ уақыты – 15 минут.',
      ru: 'Максимальное время обслуживания в Госкорпорации — 15 минут.',
    },
    sources,
  };
}

/** After the month of storage the provider sends the result back to the State Corporation on request. */
export function resentToStateCorporationAfterAMonth(sources: Sources, channels?: ChannelId[]): Term {
  return {
    kind: 'other',
    workingDays: 1,
    ...(channels && { channels }),
    text: {
      kk: 'Бір ай өткен соң жүгінсеңіз, Мемлекеттік корпорацияның сұрауы бойынша дайын құжат оған 1 (бір) жұмыс күні ішінде қайта жіберіледі.',
      ru: 'Если вы обратились позже месяца, по запросу Госкорпорации готовый документ направляется ей в течение 1 (одного) рабочего дня.',
    },
    sources,
  };
}

// ——— Fee ———

export function freeForIndividuals(sources: Sources): Service['fee'] {
  return {
    free: true,
    text: {
      kk: 'Тегін: мемлекеттік көрсетілетін қызмет жеке тұлғаларға ақысыз негізде көрсетіледі.',
      ru: 'Бесплатно: государственная услуга оказывается физическим лицам на бесплатной основе.',
    },
    sources,
  };
}

// ——— Collecting the result ———

export function collectionAtStateCorporation(sources: Sources): Fact {
  return {
    text: {
      kk: 'Мемлекеттік корпорацияда дайын құжат оның жұмыс кестесі бойынша, қолхат негізінде, жеке басты куәландыратын құжатты көрсеткенде беріледі. Оны нотариат куәландырған сенімхат бойынша өкіліңіз де ала алады. Тапсырған кезде берілген қолхатты сақтаңыз.',
      ru: 'В Госкорпорации готовый документ выдаётся по её графику работы на основании расписки при предъявлении документа, удостоверяющего личность. Его также может получить ваш представитель по нотариально удостоверенной доверенности. Сохраните расписку, выданную при сдаче документов.',
    },
    sources,
  };
}

export function statusVia1414(sources: Sources): Fact {
  return {
    text: {
      kk: 'Қызмет көрсету тәртібі мен мәртебесі туралы ақпаратты 1414, 8 800 080 7777 бірыңғай байланыс орталығынан алуға болады.',
      ru: 'Информацию о порядке и статусе оказания услуги можно получить в едином контакт-центре 1414, 8 800 080 7777.',
    },
    sources,
  };
}

// ——— Working hours ———

export function stateCorporationHours(sources: Sources): Fact {
  return {
    text: {
      kk: 'Мемлекеттік корпорация: дүйсенбі – сенбі, 9.00-ден 20.00-ге дейін, түскі үзіліссіз; демалыс және мереке күндерінен басқа.',
      ru: 'Госкорпорация: понедельник – суббота, с 9:00 до 20:00 без перерыва на обед; кроме выходных и праздничных дней.',
    },
    sources,
  };
}

export function portalHours(sources: Sources): Fact {
  return {
    text: {
      kk: 'Портал: тәулік бойы, жөндеу жұмыстарына байланысты техникалық үзілістерден басқа.',
      ru: 'Портал: круглосуточно, кроме технических перерывов в связи с ремонтными работами.',
    },
    sources,
  };
}

export function nextWorkingDayRegistration(sources: Sources): Fact {
  return {
    text: {
      kk: 'Жұмыс уақыты аяқталғаннан кейін, демалыс немесе мереке күні берілген өтініш келесі жұмыс күні тіркеледі.',
      ru: 'Заявление, поданное после окончания рабочего времени, в выходной или праздничный день, регистрируется следующим рабочим днём.',
    },
    sources,
  };
}

export function serviceAddressesPublished(sources: Sources): Fact {
  return {
    text: {
      kk: 'Қызмет көрсету орындарының мекенжайлары www.edu.gov.kz, www.gov4c.kz сайттарында және www.egov.kz порталында жарияланған.',
      ru: 'Адреса мест оказания услуги размещены на сайтах www.edu.gov.kz, www.gov4c.kz и на портале www.egov.kz.',
    },
    sources,
  };
}

// ——— Home visit ———

export function homeVisitVia1414(sources: Sources): Service['homeVisit'] {
  return {
    available: true,
    text: {
      kk: 'Өз-өзіңізге қызмет көрсету, өздігіңізден қозғалу немесе бағдар жасау қабілетін толық немесе жартылай жоғалтқан болсаңыз, 1414 немесе 8 800 080 7777 бірыңғай байланыс орталығына хабарласыңыз: Мемлекеттік корпорацияның қызметкері құжаттарды тұратын жеріңізге келіп қабылдайды.',
      ru: 'Если вы полностью или частично утратили способность или возможность самообслуживания, самостоятельного передвижения или ориентации, позвоните в единый контакт-центр 1414 или 8 800 080 7777: работник Госкорпорации примет документы с выездом по месту жительства.',
    },
    sources,
  };
}
